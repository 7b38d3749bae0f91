// Benchmark suites and tasks on disk (docs/benchmarks.md):
//
//   <suite>/suite.yaml              name, description, tasks (glob or list), limits
//   <suite>/tasks/<id>/task.yaml    id, statement, visible_test, hidden_test, result, limits,
//                                   protected
//                      statement.md, workspace/, tests/
//
// hidden_test is a shell command run in the workspace with the tests copied in (the
// script form), or a mapping (the cases form, HiddenCases): clade builds what the agent
// left, runs the program once per case in a sandbox of its own, where no test file is,
// and compares outside it. Only the cases form keeps the expected results from the
// program under test (docs/benchmarks.md, docs/sandbox.md).
//
// Loading checks everything a run will rely on, so a malformed suite fails before any
// agent runs, with one sentence naming the file and line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/error.h"

namespace clade::sandbox {

// A task's limits. Time limits count CPU seconds of a step's whole process tree (its
// cgroup), so a task's outcome does not depend on what else the machine runs or on how
// many tasks run at once; wall time is only a backstop against a step that waits without
// computing, and reaching it is reported as such (docs/evaluation.md, "Time limits").
struct TaskLimits {
  double agent_seconds = 60;  // CPU seconds of the agent's process tree
  double test_seconds = 20;   // CPU seconds of each hidden-test step (its build, each run)
  uint64_t memory_mb = 2048;
  // Wall-clock backstops; none given: WallBackstop of the CPU limit.
  std::optional<double> agent_wall_seconds;
  std::optional<double> test_wall_seconds;

  double AgentWallSeconds() const;
  // The backstop of a hidden-test step whose CPU limit is `cpu_seconds`.
  double TestWallSeconds(double cpu_seconds) const;
};

// The default wall-clock backstop of a step limited to `cpu_seconds` of CPU time:
// 4 x cpu_seconds + 30 s, generous enough for a machine with twice as many busy processes
// as cores.
double WallBackstop(double cpu_seconds);

enum class ResultFormat {
  kSummary,   // the hidden test prints a line "N passed, N failed"
  kJunit,     // the hidden test writes a JUnit XML file (junit_path, workspace-relative)
  kExitCode,  // exit 0 scores 1, anything else 0
};

// The cases form of a hidden test.
struct HiddenCases {
  // A shell command run in the workspace the agent left, with no test file visible but
  // those of `build_reads` (at {tests}); it writes the program into {out}. Empty: nothing
  // to build.
  std::string build;
  std::vector<std::string> build_reads;  // files of tests/ the build sees at {tests}
  // A shell command run once per case: {out}, {workspace} (both read-only), {case}.
  std::string run;
  // Case names. With `compare_output`, each NAME has tests/<cases_dir>/NAME.in (standard
  // input) and NAME.out (the standard output expected, byte for byte).
  std::vector<std::string> names;
  std::string cases_dir;
  bool compare_output = false;
  // A case passes when its run exits 0, its output equals NAME.out (compare_output), and
  // (when set) one line of its output starts with `pass_line`.
  std::string pass_line;
  double case_seconds = 0;            // CPU seconds per case; 0: limits.test_seconds
  uint64_t output_bytes = 64u << 10;  // a case's output past this fails it
  // visible_cases: a folder of the task's workspace (as shipped, e.g. tests_visible) of
  // NAME.in / NAME.out cases the agent could see. They run on the same built program after
  // the hidden cases and are counted apart, never scored: a patch that passes every visible
  // case and fails a hidden one fits what it was shown, not the bug (docs/benchmarks.md).
  std::string visible_dir;
  std::vector<std::string> visible_names;
};

// Cases passed and failed.
struct CaseCounts {
  int passed = 0;
  int failed = 0;
};

struct Task {
  std::string id;
  std::filesystem::path dir;         // the task folder
  std::string statement;             // the text the agent is told
  std::string visible_test;          // shell command, may be empty
  std::string hidden_test;           // the script form: a shell command (empty with `cases`)
  std::optional<HiddenCases> cases;  // the cases form
  ResultFormat result = ResultFormat::kSummary;  // the script form's result
  std::string junit_path;                        // with kJunit
  TaskLimits limits;                             // the suite's, overridden by the task's
  // Workspace files (globs) the agent must leave as they are, e.g. the visible tests; a
  // change makes the evaluation `tampered` (docs/evaluation.md).
  std::vector<std::string> protected_files;

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
