#include "task.h"

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace coder {

bool LoadTask(const std::string& path, Task* task, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    *error = "cannot read the task file " + path;
    return false;
  }
  std::stringstream text;
  text << in.rdbuf();
  nlohmann::json json = nlohmann::json::parse(text.str(), nullptr, false);
  if (json.is_discarded() || !json.is_object()) {
    *error = "the task file " + path + " is not a JSON object";
    return false;
  }
  if (!json.contains("statement") || !json["statement"].is_string()) {
    *error = "the task file " + path + " has no 'statement' string";
    return false;
  }
  task->id = json.value("id", "");
  task->statement = json["statement"].get<std::string>();
  if (json.contains("visible_test") && json["visible_test"].is_string()) {
    task->visible_test = json["visible_test"].get<std::string>();
  }
  const nlohmann::json limits = json.value("limits", nlohmann::json::object());
  if (limits.is_object()) {
    if (limits.contains("agent_seconds") && limits["agent_seconds"].is_number()) {
      task->agent_seconds = limits["agent_seconds"].get<double>();
    }
    if (limits.contains("test_seconds") && limits["test_seconds"].is_number()) {
      task->test_seconds = limits["test_seconds"].get<double>();
    }
  }
  return true;
}

}  // namespace coder
