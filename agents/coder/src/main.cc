// agents/coder: a model-driven coding agent (docs/agents.md). Reads the task named by
// CLADE_TASK, works in the current directory (the task's workspace) and calls the model
// through CLADE_MODEL_SOCKET (CODER_MODEL, optional, names the model in each request).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "agent.h"
#include "task.h"

int main() {
  const char* socket = std::getenv("CLADE_MODEL_SOCKET");
  if (socket == nullptr || *socket == '\0') {
    std::fprintf(stderr, "coder: no model (CLADE_MODEL_SOCKET is not set); nothing done\n");
    return 0;
  }
  const char* task_path = std::getenv("CLADE_TASK");
  if (task_path == nullptr || *task_path == '\0') {
    std::fprintf(stderr, "coder: CLADE_TASK is not set; it must name the task's JSON file\n");
    return 2;
  }
  coder::Task task;
  std::string error;
  if (!coder::LoadTask(task_path, &task, &error)) {
    std::fprintf(stderr, "coder: %s\n", error.c_str());
    return 2;
  }
  // By hand, against a server that needs its model's name (the clade socket ignores it).
  const char* model = std::getenv("CODER_MODEL");
  return coder::RunAgent(task, socket, model != nullptr && *model ? model : "default",
                         coder::Limits{});
}
