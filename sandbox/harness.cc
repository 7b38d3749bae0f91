#include "sandbox/harness.h"

#include <atomic>

#include <nlohmann/json.hpp>
#include <unistd.h>

#include "sandbox/scoring.h"
#include "sandbox/tree_sync.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

constexpr size_t kLogCap = 64 * 1024;

std::string ReadLog(const fs::path& path) {
  auto text = ReadFile(path);
  return text ? CapText(*text, kLogCap) : std::string();
}

// A fresh directory under <work>/scratch for one task run.
Result<fs::path> ScratchDir(const fs::path& work, const std::string& id) {
  static std::atomic<int> counter{0};
  fs::path dir = work / "scratch" / fmt::format("{}-{}-{}", id, ::getpid(), counter++);
  std::error_code error;
  fs::remove_all(dir, error);
  fs::create_directories(dir, error);
  if (error) return Fail("cannot create {}: {}", dir.string(), error.message());
  return dir;
}

std::string LimitStatus(std::string_view prefix, RunStatus status) {
  return fmt::format("{}_{}", prefix, StatusName(status));
}

bool HitLimit(RunStatus status) {
  return status != RunStatus::kOk && status != RunStatus::kExitNonzero;
}

std::vector<fs::path> AbsolutePaths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> absolute;
  for (const fs::path& path : paths) absolute.push_back(fs::absolute(path));
  return absolute;
}

// Builds share one ccache (CMake 3.17+ reads the launcher from the environment).
std::map<std::string, std::string> CcacheEnvironment(const fs::path& ccache) {
  if (::access("/usr/bin/ccache", X_OK) != 0) return {};
  return {{"CCACHE_DIR", ccache.string()},
          {"CMAKE_CXX_COMPILER_LAUNCHER", "ccache"},
          {"CMAKE_C_COMPILER_LAUNCHER", "ccache"}};
}

Result<> WriteTaskFile(const fs::path& file, const Task& task) {
  nlohmann::json json = {{"id", task.id},
                         {"statement", task.statement},
                         {"visible_test", task.visible_test},
                         {"limits",
                          {{"agent_seconds", task.limits.agent_seconds},
                           {"test_seconds", task.limits.test_seconds},
                           {"memory_mb", task.limits.memory_mb}}}};
  return WriteFile(file, json.dump(2) + "\n");
}

// Replaces whatever the agent left at .clade-tests (a file, a directory, a symlink to
// anywhere) with a copy of the hidden tests, and removes a planted JUnit report.
Result<> InstallHiddenTests(const fs::path& workspace, const Task& task) {
  std::error_code error;
  fs::path target = workspace / ".clade-tests";
  fs::remove_all(target, error);  // a symlink is removed itself, never followed
  if (error) return Fail("cannot clear {}: {}", target.string(), error.message());
  if (task.result == ResultFormat::kJunit) fs::remove_all(workspace / task.junit_path, error);
  return CopyTree(task.tests(), target);
}

void Score(const Task& task, const fs::path& workspace, const std::string& test_output,
           TaskOutcome* outcome) {
  Result<TestTally> tally = Fail("no result");
  if (task.result == ResultFormat::kSummary) tally = ParseSummary(test_output);
  if (task.result == ResultFormat::kJunit) tally = ParseJunit(workspace / task.junit_path);
  if (!tally) {
    outcome->status = "no_result";
    return;
  }
  outcome->passed = tally->passed;
  outcome->failed = tally->failed;
  outcome->score = tally->score();
  outcome->status = outcome->score == 1.0 ? "solved" : outcome->score > 0 ? "partial" : "unsolved";
}

// A run in a task's workspace: the workspace writable, `hidden` invisible, `seconds` of
// wall clock (CPU twice that, for two cores), the task's memory limit.
RunSpec TaskRunSpec(const HarnessOptions& options, const Task& task, double seconds,
                    const fs::path& workspace, const std::vector<fs::path>& hidden,
                    const fs::path& log) {
  RunSpec run;
  run.cwd = workspace;
  run.hidden = hidden;
  run.stdout_path = log;
  run.limits.wall_seconds = seconds;
  run.limits.cpu_seconds = seconds * 2;
  run.limits.memory_bytes = task.limits.memory_mb << 20;
  run.isolation = options.isolation;
  return run;
}

}  // namespace

Result<BuildOutcome> BuildAgent(const HarnessOptions& options, const AgentSpec& spec,
                                const fs::path& source, int slot) {
  BuildOutcome outcome;
  fs::path slot_dir = options.work / fmt::format("slot-{}", slot);
  outcome.src = slot_dir / "src";
  outcome.build = slot_dir / "build";
  SyncStats stats = CLADE_TRY(SyncDirectory(source, outcome.src));
  outcome.files_written = stats.written;
  fs::path ccache = options.work / "ccache";
  std::error_code error;
  fs::create_directories(outcome.build, error);
  fs::create_directories(ccache, error);
  outcome.status = "ok";
  for (size_t step = 0; step < spec.build.size() && outcome.ok(); ++step) {
    RunSpec run;
    run.argv = Expand(spec.build[step], outcome.src, outcome.build).argv;
    run.cwd = outcome.build;
    run.env = CcacheEnvironment(ccache);
    run.writable = {ccache};
    run.readonly = {outcome.src};
    run.hidden = AbsolutePaths(options.hidden);
    run.stdout_path = slot_dir / fmt::format("build-{}.log", step);
    run.limits.wall_seconds = options.build_seconds;
    run.limits.cpu_seconds = options.build_seconds * 2;
    run.limits.memory_bytes = options.build_memory_mb << 20;
    run.isolation = options.isolation;
    RunResult result = CLADE_TRY(Run(run));
    outcome.seconds += result.wall_seconds;
    outcome.log += fmt::format("$ {}\n{}", Join(run.argv), ReadLog(run.stdout_path));
    if (result.status == RunStatus::kTimeout)
      outcome.status = "build_timeout";
    else if (HitLimit(result.status))
      outcome.status = "build_limit";
    else if (result.status != RunStatus::kOk)
      outcome.status = "build_failed";
  }
  return outcome;
}

Result<TaskOutcome> RunTask(const HarnessOptions& options, const AgentSpec& spec,
                            const BuildOutcome& build, const Suite& suite, const Task& task) {
  TaskOutcome outcome;
  outcome.id = task.id;
  fs::path scratch = CLADE_TRY(ScratchDir(options.work, task.id));
  fs::path workspace = scratch / "workspace";
  CLADE_TRY(CopyTree(task.workspace(), workspace));
  fs::path task_file = scratch / "task.json";
  CLADE_TRY(WriteTaskFile(task_file, task));
  std::vector<fs::path> hidden = AbsolutePaths(options.hidden);
  hidden.push_back(suite.dir);  // the hidden tests of every task

  RunSpec agent = TaskRunSpec(options, task, task.limits.agent_seconds, workspace, hidden,
                              scratch / "agent.log");
  agent.argv = Expand(spec.run, build.src, build.build).argv;
  agent.env = {{"CLADE_TASK", task_file.string()}};
  agent.readonly = {build.src, build.build, task_file};
  if (!options.model_socket.empty()) {
    fs::path socket = fs::absolute(options.model_socket);
    agent.env["CLADE_MODEL_SOCKET"] = socket.string();
    agent.readonly.push_back(socket);  // under /tmp the private /tmp would hide it
  }
  RunResult agent_result = CLADE_TRY(Run(agent));
  outcome.log = fmt::format("== agent ({}, {:.1f} s)\n{}", StatusName(agent_result.status),
                            agent_result.wall_seconds, ReadLog(agent.stdout_path));

  CLADE_TRY(InstallHiddenTests(workspace, task));
  RunSpec test =
      TaskRunSpec(options, task, task.limits.test_seconds, workspace, hidden, scratch / "test.log");
  test.argv = ShellArgv(task.hidden_test);
  RunResult test_result = CLADE_TRY(Run(test));
  std::string test_output = ReadFile(test.stdout_path).value_or("");
  outcome.log += fmt::format("== hidden test ({}, {:.1f} s)\n{}", StatusName(test_result.status),
                             test_result.wall_seconds, CapText(test_output, kLogCap));
  outcome.seconds = agent_result.wall_seconds + test_result.wall_seconds;
  outcome.cpu_seconds = agent_result.cpu_seconds + test_result.cpu_seconds;

  if (task.result == ResultFormat::kExitCode) {
    outcome.score = test_result.status == RunStatus::kOk ? 1.0 : 0.0;
    outcome.status = outcome.score == 1.0 ? "solved" : "unsolved";
  } else {
    Score(task, workspace, test_output, &outcome);
  }
  if (HitLimit(test_result.status)) outcome.status = LimitStatus("test", test_result.status);
  if (HitLimit(agent_result.status)) outcome.status = LimitStatus("agent", agent_result.status);
  std::error_code error;
  fs::remove_all(scratch, error);
  return outcome;
}

}  // namespace clade::sandbox
