#include "sandbox/hidden_test.h"

#include <fmt/format.h>

#include "sandbox/log_paths.h"
#include "sandbox/scoring.h"
#include "sandbox/tree_sync.h"
#include "support/beneath.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

constexpr size_t kLogCap = 64 * 1024;
constexpr uint64_t kCaseErrorBytes = 4096;  // kept of a case's stderr, for its log line

bool HitLimit(RunStatus status) {
  return status != RunStatus::kOk && status != RunStatus::kExitNonzero;
}

// A run for the hidden test: the context's read-only paths and hidden ones, its disk.
RunSpec TestRun(const HiddenTestContext& c, const fs::path& cwd, double seconds,
                const fs::path& log) {
  RunSpec run;
  run.cwd = cwd;
  run.readonly = c.read_only;
  run.hidden = c.hidden;
  run.stdout_path = log;
  run.disk = c.disk;
  run.limits.cpu_seconds = seconds;
  run.limits.wall_seconds = c.task->limits.TestWallSeconds(seconds);
  run.limits.memory_bytes = c.task->limits.memory_mb << 20;
  run.isolation = c.isolation;
  return run;
}

// What a step printed, as stored: the task's folder written `{task}` and the suite's tests
// `{tests}` (log_paths.h), then capped.
std::string Stored(const HiddenTestContext& c, std::string output, size_t cap) {
  return CapText(WithPlaceholders(std::move(output), {{c.dir, "{task}"}, {c.task->tests(), "{tests}"}}),
                 cap);
}

void SetStatus(HiddenTestResult* result) {
  double score = result->score();
  result->status = score == 1.0 ? "solved" : score > 0 ? "partial" : "unsolved";
}

// --- The script form -------------------------------------------------------------------

// Replaces whatever the agent left at .clade-tests (a file, a directory, a symlink to
// anywhere: removed, never followed) with a copy of the tests, and removes a planted
// JUnit report.
Result<> InstallTests(const HiddenTestContext& c) {
  CLADE_TRY(RemoveBeneath(c.workspace, ".clade-tests"));
  if (c.task->result == ResultFormat::kJunit) {
    CLADE_TRY(RemoveBeneath(c.workspace, c.task->junit_path));
  }
  return CopyTree(c.task->tests(), c.workspace / ".clade-tests");
}

Result<HiddenTestResult> RunScript(const HiddenTestContext& c) {
  HiddenTestResult result;
  if (Result<> installed = InstallTests(c); !installed) {
    result.status = "no_result";
    result.log = fmt::format("== hidden test not run: {}\n",
                             Stored(c, installed.error().message, kLogCap));
    return result;
  }
  RunSpec run = TestRun(c, c.workspace, c.task->limits.test_seconds, c.logs / "test.log");
  run.argv = ShellArgv(c.task->hidden_test);
  RunResult ran = CLADE_TRY(Run(run));
  std::string output = ReadFile(run.stdout_path).value_or("");
  result.log = fmt::format("== hidden test ({}, {:.1f} s)\n{}", StatusName(ran.status),
                           ran.wall_seconds, Stored(c, output, kLogCap));
  result.wall_seconds = ran.wall_seconds;
  result.cpu_seconds = ran.cpu_seconds;
  if (HitLimit(ran.status)) {  // killed, timed out: whatever it printed does not count
    result.status = fmt::format("test_{}", StatusName(ran.status));
    return result;
  }
  Result<TestTally> tally = Fail("no result");
  switch (c.task->result) {
    case ResultFormat::kExitCode:
      tally = TestTally{ran.status == RunStatus::kOk ? 1 : 0, ran.status == RunStatus::kOk ? 0 : 1};
      break;
    case ResultFormat::kSummary:
      tally = ParseSummary(output);
      break;
    case ResultFormat::kJunit:
      tally = ParseJunit(c.workspace, c.task->junit_path);
      break;
  }
  if (!tally) {
    result.status = "no_result";
    return result;
  }
  result.passed = tally->passed;
  result.failed = tally->failed;
  SetStatus(&result);
  return result;
}

// --- The cases form --------------------------------------------------------------------

// The command with {out}, {tests}, {workspace} and {case} replaced, each shell-quoted.
std::vector<std::string> Command(const std::string& text, const HiddenTestContext& c,
                                 const std::string& name) {
  std::string command = text;
  ReplaceAll(&command, "{out}", ShellQuote((c.dir / "out").string()));
  ReplaceAll(&command, "{tests}", ShellQuote((c.dir / "tests").string()));
  ReplaceAll(&command, "{workspace}", ShellQuote(c.workspace.string()));
  ReplaceAll(&command, "{case}", ShellQuote(name));
  return ShellArgv(command);
}

// The build of the program under test: in the workspace, {out} writable, {tests} holding
// only the files the build declares it reads. True when it succeeded.
Result<bool> BuildCases(const HiddenTestContext& c, HiddenTestResult* result) {
  const HiddenCases& cases = *c.task->cases;
  std::error_code error;
  fs::create_directories(c.dir / "out", error);
  if (error) return Fail("cannot create {}: {}", (c.dir / "out").string(), error.message());
  if (cases.build.empty()) return true;
  RunSpec run = TestRun(c, c.workspace, c.task->limits.test_seconds, c.logs / "build.log");
  run.argv = Command(cases.build, c, "");
  run.writable = {c.dir / "out"};
  if (!cases.build_reads.empty()) {
    fs::create_directories(c.dir / "tests", error);
    for (const std::string& read : cases.build_reads) {
      fs::create_directories((c.dir / "tests" / read).parent_path(), error);
      fs::copy_file(c.task->tests() / read, c.dir / "tests" / read, error);
      if (error) return Fail("cannot copy {}: {}", read, error.message());
    }
    run.readonly.push_back(c.dir / "tests");
  }
  RunResult ran = CLADE_TRY(Run(run));
  result->wall_seconds += ran.wall_seconds;
  result->cpu_seconds += ran.cpu_seconds;
  result->log += fmt::format("== hidden test build ({}, {:.1f} s)\n{}", StatusName(ran.status),
                             ran.wall_seconds,
                             Stored(c, ReadFile(run.stdout_path).value_or(""), kLogCap / 2));
  return ran.status == RunStatus::kOk;
}

bool HasLineStartingWith(std::string_view output, std::string_view prefix) {
  for (const std::string& line : Split(output, '\n')) {
    if (line.rfind(prefix, 0) == 0) return true;
  }
  return false;
}

// One case in a sandbox of its own: an empty working directory, the program and the
// workspace read-only, the input as an anonymous file; nothing of the tests.
Result<bool> RunCase(const HiddenTestContext& c, const fs::path& case_dir, const std::string& name,
                     HiddenTestResult* result) {
  const HiddenCases& cases = *c.task->cases;
  fs::path cwd = c.dir / "case";
  std::error_code error;
  fs::remove_all(cwd, error);
  fs::create_directories(cwd, error);
  if (error) return Fail("cannot create {}: {}", cwd.string(), error.message());
  double seconds = cases.case_seconds > 0 ? cases.case_seconds : c.task->limits.test_seconds;
  RunSpec run = TestRun(c, cwd, seconds, c.logs / "case.out");
  run.argv = Command(cases.run, c, name);
  run.readonly.insert(run.readonly.end(), {c.dir / "out", c.workspace});
  run.stderr_path = c.logs / "case.err";
  run.limits.output_bytes = cases.output_bytes;
  run.kill_on_output_cap = true;
  if (cases.compare_output) run.stdin_text = CLADE_TRY(ReadFile(case_dir / (name + ".in")));
  RunResult ran = CLADE_TRY(Run(run));
  result->wall_seconds += ran.wall_seconds;
  result->cpu_seconds += ran.cpu_seconds;
  std::string output = ReadFile(run.stdout_path).value_or("");
  bool passed = ran.status == RunStatus::kOk;
  if (passed && cases.compare_output) {
    passed = output == CLADE_TRY(ReadFile(case_dir / (name + ".out")));
  }
  if (passed && !cases.pass_line.empty()) passed = HasLineStartingWith(output, cases.pass_line);
  std::string why = ran.status == RunStatus::kOk ? "" : fmt::format(" ({})", StatusName(ran.status));
  result->log += fmt::format("{} {}{}\n", passed ? "PASS" : "FAIL", name, why);
  if (!passed) {
    std::string errors = Stored(c, ReadFile(run.stderr_path).value_or(""), kCaseErrorBytes);
    if (!errors.empty()) result->log += errors + (errors.ends_with('\n') ? "" : "\n");
  }
  return passed;
}

// The visible cases (as the task ships them, not as the agent left them) on the program
// the hidden test built: counted in result->visible, not in the score.
Result<> RunVisibleCases(const HiddenTestContext& c, bool built, HiddenTestResult* result) {
  const HiddenCases& cases = *c.task->cases;
  HiddenTestResult visible;
  CaseCounts counts;
  for (const std::string& name : cases.visible_names) {
    bool passed =
        built && CLADE_TRY(RunCase(c, c.task->workspace() / cases.visible_dir, name, &visible));
    (passed ? counts.passed : counts.failed)++;
  }
  result->log += fmt::format("== visible cases (not scored): {} passed, {} failed\n",
                             counts.passed, counts.failed);
  result->wall_seconds += visible.wall_seconds;
  result->cpu_seconds += visible.cpu_seconds;
  result->visible = counts;
  return {};
}

Result<HiddenTestResult> RunCases(const HiddenTestContext& c) {
  HiddenTestResult result;
  const HiddenCases& cases = *c.task->cases;
  bool built = CLADE_TRY(BuildCases(c, &result));
  result.log += fmt::format("== hidden test: {} cases\n", cases.names.size());
  for (const std::string& name : cases.names) {
    bool passed = built && CLADE_TRY(RunCase(c, c.task->tests() / cases.cases_dir, name, &result));
    if (!built) result.log += fmt::format("FAIL {} (not built)\n", name);
    (passed ? result.passed : result.failed)++;
  }
  result.log += fmt::format("{} passed, {} failed\n", result.passed, result.failed);
  SetStatus(&result);
  if (!cases.visible_names.empty()) CLADE_TRY(RunVisibleCases(c, built, &result));
  return result;
}

}  // namespace

Result<HiddenTestResult> RunHiddenTest(const HiddenTestContext& context) {
  return context.task->cases ? RunCases(context) : RunScript(context);
}

}  // namespace clade::sandbox
