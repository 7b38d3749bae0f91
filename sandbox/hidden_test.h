// Scoring the workspace an agent left with a task's hidden test (docs/benchmarks.md).
//
// The cases form (Task::cases): the hidden test's build runs in the workspace with no test
// file visible (but those it declares it reads), then every case runs the built program
// in a sandbox of its own, standard input given as an anonymous file, output captured by
// clade and compared here, outside any sandbox. The program never sees an expected result,
// never shares a sandbox with a runner whose output counts, and cannot reach clade's
// output. A case passes only when its run exited 0 within its limits.
//
// The script form (Task::hidden_test): the tests are copied into the workspace and the
// command runs there, with the program it tests. Its result counts only when it exited
// normally (0 or another code) within its limits; a killed or timed-out runner scores 0.
// The program under test shares its sandbox, so this form cannot keep the expected
// results from it (docs/sandbox.md, "What clade does not promise").
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sandbox/runner.h"
#include "sandbox/suite.h"
#include "support/error.h"

namespace clade::sandbox {

struct HiddenTestContext {
  const Task* task = nullptr;
  std::filesystem::path dir;        // the task's folder in the slot (scratch space)
  std::filesystem::path workspace;  // the workspace the agent left, inside `dir`
  std::filesystem::path logs;       // where the runner writes the steps' output (not `dir`)
  std::vector<std::filesystem::path> read_only;  // more host paths a step may read
  std::vector<std::filesystem::path> hidden;     // never visible
  std::filesystem::path disk;                    // the slot's capped file system, if any
  Isolation isolation = Isolation::kAuto;
};

struct HiddenTestResult {
  int passed = 0;
  int failed = 0;
  // solved, partial, unsolved, no_result (the script form printed no result), or
  // test_<limit> (the script form's runner hit a limit)
  std::string status;
  std::string log;  // "== hidden test ..." then the build's output and a line per case
  double wall_seconds = 0;
  double cpu_seconds = 0;
  // With visible_cases: the visible cases on the same program, counted apart, not scored.
  std::optional<CaseCounts> visible;
  double score() const { return passed + failed == 0 ? 0.0 : double(passed) / (passed + failed); }
};

// Runs the task's hidden test on the workspace. REQUIRES: context.dir and context.logs are
// existing absolute directories of this run alone. Errors only when the sandbox cannot run.
Result<HiddenTestResult> RunHiddenTest(const HiddenTestContext& context);

}  // namespace clade::sandbox
