// The task the harness gives us: CLADE_TASK names a JSON file with id, statement,
// visible_test and limits. Only what the agent needs is parsed.
#pragma once
#include <string>
#include <vector>

struct Task {
  std::string id;
  std::string statement;
  std::string visible_test = "sh run_tests.sh";
  double agent_seconds = 60;  // limits.agent_seconds: CPU seconds of the agent and its children
};

// Parses the JSON text of a task file. Unknown keys are ignored; missing ones keep their
// defaults. Returns false when the text is not a JSON object.
bool parse_task(const std::string& json, Task& task);

// Reads the file named by CLADE_TASK (or `path` when given). False when unreadable.
bool load_task(const std::string& path, Task& task);

std::string read_file(const std::string& path);
bool write_file(const std::string& path, const std::string& text);

// Regular files under `dir` (relative paths, sorted). With `program_only`, directories
// named build, test*, or starting with '.' are skipped.
std::vector<std::string> list_files(const std::string& dir, bool program_only);
std::string current_dir();
