// A suite, an agent and a harness in a temporary directory, for the reward-hack and
// escape tests (reward_hack_test.cc, escape_test.cc): hostile agents are shell scripts
// (optionally shipping a C++ program under test) run through the real harness.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "sandbox/evaluator.h"
#include "support/fs.h"

namespace clade::sandbox::testing {

// A hidden test script with two checks: answer.txt exists, and it says "right".
extern const char kAnswerCheck[];

struct TaskFiles {
  std::string id;
  std::string yaml;  // task.yaml lines after id and statement
  std::map<std::string, std::string> files;  // under the task folder (tests/..., workspace/...)
};

struct HackFixture {
  TempDir dir{"reward-hack"};
  std::filesystem::path suite = dir.path() / "suite";
  std::filesystem::path agent = dir.path() / "agent";
  HarnessOptions harness{.work = dir.path() / "work"};

  // A suite of one task copied from the repository's benchmarks/repair.
  void CopyRepairTask(const std::string& id);
  // A suite of small tasks (limits: 10 s, 512 MiB); each gets an empty workspace unless
  // its files say otherwise.
  void WriteSuite(const std::vector<TaskFiles>& tasks);
  // Replaces the agent by one whose run is the shell script `run_script` (run.sh beside
  // `files`), built by `build` and started with `run`.
  void ShellAgent(const std::string& run_script, const std::map<std::string, std::string>& files = {},
                  const std::string& build = "true", const std::string& run = "sh {src}/run.sh");
  // An agent that replaces the task's C++ sources by `program` and does nothing else.
  void CheatingAgent(const std::string& program);
  // Evaluates the agent on the suite (one task at a time); REQUIREs that it could run.
  Evaluation Evaluate();
};

}  // namespace clade::sandbox::testing
