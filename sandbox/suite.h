// Benchmark suites and tasks on disk (design.md, "Benchmarks"):
//
//   <suite>/suite.yaml              name, description, tasks (glob or list), limits
//   <suite>/tasks/<id>/task.yaml    id, statement, visible_test, hidden_test, result, limits
//                      statement.md, workspace/, tests/
//
// Loading checks everything a run will rely on, so a malformed suite fails before any
// agent runs, with one sentence naming the file and line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "support/error.h"

namespace clade::sandbox {

struct TaskLimits {
  double agent_seconds = 60;
  double test_seconds = 20;
  uint64_t memory_mb = 2048;
};

enum class ResultFormat {
  kSummary,   // the hidden test prints a line "N passed, N failed"
  kJunit,     // the hidden test writes a JUnit XML file (junit_path, workspace-relative)
  kExitCode,  // exit 0 scores 1, anything else 0
};

struct Task {
  std::string id;
  std::filesystem::path dir;  // the task folder
  std::string statement;      // the text the agent is told
  std::string visible_test;   // shell command, may be empty
  std::string hidden_test;    // shell command
  ResultFormat result = ResultFormat::kSummary;
  std::string junit_path;  // with kJunit
  TaskLimits limits;       // the suite's, overridden by the task's

  std::filesystem::path workspace() const { return dir / "workspace"; }
  std::filesystem::path tests() const { return dir / "tests"; }
};

struct Suite {
  std::string name;
  std::string description;
  std::filesystem::path dir;
  TaskLimits limits;
  std::vector<Task> tasks;  // sorted by id
};

// Loads a suite from its directory or its suite.yaml.
Result<Suite> LoadSuite(const std::filesystem::path& path);

}  // namespace clade::sandbox
