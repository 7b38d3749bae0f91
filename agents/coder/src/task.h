// The task the harness gives the agent: CLADE_TASK names a JSON file with the task's id,
// statement, visible test command and limits (clade's docs/agents.md, "The agent contract").
#pragma once

#include <string>

namespace coder {

struct Task {
  std::string id;
  std::string statement;
  std::string visible_test;    // empty when the task has none
  double agent_seconds = 300;  // limits.agent_seconds: the harness kills the agent after it
  double test_seconds = 60;    // limits.test_seconds: what one hidden-test run may take
};

// Reads the task file at `path`. On failure returns false and sets `error` to one
// sentence naming the file.
bool LoadTask(const std::string& path, Task* task, std::string* error);

}  // namespace coder
