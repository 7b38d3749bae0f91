#include "sandbox/harness.h"

#include <atomic>
#include <utility>

#include <nlohmann/json.hpp>

#include "sandbox/hidden_test.h"
#include "sandbox/tree_sync.h"
#include "support/defer.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

constexpr size_t kLogCap = 64 * 1024;

// A step's output as stored: the slot's folders written as placeholders, then capped (so
// that where the cut falls does not depend on the length of the work directory's path).
std::string ReadLog(const fs::path& path, const std::vector<PathName>& names) {
  auto text = ReadFile(path);
  return text ? CapText(WithPlaceholders(std::move(*text), names), kLogCap) : std::string();
}

// A fresh folder of the slot for one task run, and one for its logs beside the slot.
struct TaskDirs {
  fs::path dir;
  fs::path logs;
};

Result<TaskDirs> MakeTaskDirs(const BuildResult& build, const std::string& id) {
  static std::atomic<int> counter{0};
  std::string name = fmt::format("{}-{}", id, counter++);
  TaskDirs dirs{build.tasks / name, build.logs / name};
  for (const fs::path& dir : {dirs.dir, dirs.logs}) {
    std::error_code error;
    fs::remove_all(dir, error);
    fs::create_directories(dir, error);
    if (error) return Fail("cannot create {}: {}", dir.string(), error.message());
  }
  return dirs;
}

std::string LimitStatus(std::string_view prefix, RunStatus status) {
  return fmt::format("{}_{}", prefix, StatusName(status));
}

bool HitLimit(RunStatus status) {
  return status != RunStatus::kOk && status != RunStatus::kExitNonzero;
}

// "== agent (ok, 3.1 s, 5.2 CPU s)", and when a time limit ended the run, which one: the
// CPU limit counts, the wall-clock one is only a backstop and says so.
std::string AgentLogLine(const RunResult& run, const Limits& limits) {
  std::string line = fmt::format("== agent ({}, {:.1f} s, {:.1f} CPU s)\n", StatusName(run.status),
                                 run.wall_seconds, run.cpu_seconds);
  if (run.status == RunStatus::kCpuLimit) {
    line += fmt::format("== the agent used its {:g} CPU seconds (limits.agent_seconds)\n",
                        limits.cpu_seconds);
  }
  if (run.status == RunStatus::kTimeout) {
    line += fmt::format(
        "== the agent reached the wall-clock backstop of {:g} s with {:.1f} of its {:g} CPU "
        "seconds used: it waited without computing, or the machine was overloaded "
        "(limits.agent_wall_seconds)\n",
        limits.wall_seconds, run.cpu_seconds, limits.cpu_seconds);
  }
  return line;
}

std::vector<fs::path> AbsolutePaths(const std::vector<fs::path>& paths) {
  std::vector<fs::path> absolute;
  for (const fs::path& path : paths) absolute.push_back(fs::absolute(path));
  return absolute;
}

Result<> WriteTaskFile(const fs::path& file, const Task& task) {
  nlohmann::json json = {{"id", task.id},
                         {"statement", task.statement},
                         {"visible_test", task.visible_test},
                         {"limits",
                          {{"agent_seconds", task.limits.agent_seconds},
                           {"agent_wall_seconds", task.limits.AgentWallSeconds()},
                           {"test_seconds", task.limits.test_seconds},
                           {"memory_mb", task.limits.memory_mb}}}};
  return WriteFile(file, json.dump(2) + "\n");
}

std::optional<EvalStatus> BuildFailure(RunStatus status) {
  if (status == RunStatus::kOk) return std::nullopt;
  if (status == RunStatus::kTimeout) return EvalStatus::kBuildTimeout;
  if (status == RunStatus::kDiskLimit) return EvalStatus::kDiskLimit;
  if (HitLimit(status)) return EvalStatus::kBuildLimit;
  return EvalStatus::kBuildFailed;
}

// One build step: in the build directory, the source read-only, nothing else of the slot.
RunSpec BuildStep(const HarnessOptions& options, const AgentSpec& spec, size_t step,
                  const BuildResult& outcome, const fs::path& log) {
  RunSpec run;
  run.argv = Expand(spec.build[step], outcome.src, outcome.build).argv;
  run.cwd = outcome.build;
  run.readonly = AbsolutePaths(options.read_only);
  run.readonly.push_back(outcome.src);
  run.hidden = AbsolutePaths(options.hidden);
  run.stdout_path = log;
  run.disk = outcome.disk;
  run.limits.wall_seconds = options.build_seconds;
  run.limits.cpu_seconds = options.build_seconds * 2;
  run.limits.memory_bytes = options.build_memory_mb << 20;
  run.isolation = options.isolation;
  return run;
}

// The agent's run on a task: its workspace writable; its source, build and task file
// read-only; the model socket when one is served; nothing of the suite.
RunSpec AgentRun(const HarnessOptions& options, const AgentSpec& spec, const BuildResult& build,
                 const Suite& suite, const Task& task, const TaskDirs& dirs,
                 const fs::path& model_socket) {
  const fs::path& dir = dirs.dir;
  RunSpec agent;
  agent.argv = Expand(spec.run, build.src, build.build).argv;
  agent.cwd = dir / "workspace";
  agent.env = {{"CLADE_TASK", (dir / "task.json").string()}};
  agent.readonly = AbsolutePaths(options.read_only);
  agent.readonly.insert(agent.readonly.end(), {build.src, build.build, dir / "task.json"});
  agent.hidden = AbsolutePaths(options.hidden);
  agent.hidden.push_back(suite.dir);  // absent anyway, unless read_only shows it
  agent.stdout_path = dirs.logs / "agent.log";
  agent.disk = build.disk;
  agent.limits.cpu_seconds = task.limits.agent_seconds;
  agent.limits.wall_seconds = task.limits.AgentWallSeconds();
  agent.limits.memory_bytes = task.limits.memory_mb << 20;
  agent.isolation = options.isolation;
  if (!model_socket.empty()) {
    agent.env["CLADE_MODEL_SOCKET"] = model_socket.string();
    agent.readonly.push_back(model_socket);
  }
  return agent;
}

HiddenTestContext TestContext(const HarnessOptions& options, const BuildResult& build,
                              const Suite& suite, const Task& task, const TaskDirs& dirs) {
  HiddenTestContext context;
  context.task = &task;
  context.dir = dirs.dir;
  context.workspace = dirs.dir / "workspace";
  context.logs = dirs.logs;
  context.read_only = AbsolutePaths(options.read_only);
  context.hidden = AbsolutePaths(options.hidden);
  context.hidden.push_back(suite.dir);
  context.disk = build.disk;
  context.isolation = options.isolation;
  return context;
}

// Prepares the task's folders; nullopt (and a disk_limit outcome) when the slot is too full
// for them, which another task of the same child may have done.
Result<std::optional<TaskDirs>> PrepareTask(const BuildResult& build, const Task& task,
                                            TaskResult* outcome) {
  auto prepared = [&]() -> Result<TaskDirs> {
    TaskDirs dirs = CLADE_TRY(MakeTaskDirs(build, task.id));
    CLADE_TRY(CopyTree(task.workspace(), dirs.dir / "workspace"));
    CLADE_TRY(WriteTaskFile(dirs.dir / "task.json", task));
    return dirs;
  }();
  if (prepared) return std::optional<TaskDirs>(*prepared);
  if (build.disk.empty() || !FileSystemFull(build.disk)) return tl::unexpected(prepared.error());
  outcome->status = "disk_limit";
  outcome->log = "== not run: the slot is full\n";  // the error names host paths
  return std::optional<TaskDirs>();
}

// The agent's run in the prepared folders, then the protected files' check and the hidden
// test; fills `outcome`.
Result<> RunPreparedTask(const HarnessOptions& options, const AgentSpec& spec,
                         const BuildResult& build, const Suite& suite, const Task& task,
                         const TaskDirs& dirs, TaskResult& outcome) {
  fs::path workspace = dirs.dir / "workspace";
  WatchedFiles before;  // nothing to watch without `protected`
  if (!task.protected_files.empty()) {
    before = CLADE_TRY(WatchedFiles::Read(workspace, task.protected_files));
  }

  fs::path socket;
  if (options.model) socket = CLADE_TRY(options.model->Open());
  DEFER {  // when the run could not start
    if (!socket.empty()) options.model->Close(socket);
  };
  RunSpec agent = AgentRun(options, spec, build, suite, task, dirs, socket);
  RunResult agent_result = CLADE_TRY(Run(agent));
  if (!socket.empty()) options.model->Close(std::exchange(socket, fs::path()));
  outcome.log =
      AgentLogLine(agent_result, agent.limits) + ReadLog(agent.stdout_path, SlotNames(build, dirs.dir));
  outcome.seconds = agent_result.wall_seconds;
  outcome.cpu_seconds = agent_result.cpu_seconds;
  if (agent_result.status == RunStatus::kDiskLimit) {  // no room left to test anything
    outcome.status = LimitStatus("agent", agent_result.status);
    return {};
  }

  if (!task.protected_files.empty()) {
    WatchedFiles after = CLADE_TRY(WatchedFiles::Read(workspace, task.protected_files));
    outcome.tampered = before.ChangesTo(after, "agent", task.id);
  }
  if (!outcome.tampered.empty()) {
    outcome.status = "tampered";
    for (const Tamper& change : outcome.tampered) {
      outcome.log += fmt::format("== tampered: the agent {} {}\n", change.change, change.path);
    }
    return {};
  }

  HiddenTestResult test = CLADE_TRY(RunHiddenTest(TestContext(options, build, suite, task, dirs)));
  outcome.log += CapText(test.log, kLogCap);
  outcome.seconds += test.wall_seconds;
  outcome.cpu_seconds += test.cpu_seconds;
  outcome.passed = test.passed;
  outcome.failed = test.failed;
  outcome.visible = test.visible;
  outcome.score = test.score();
  outcome.status = test.status;
  if (HitLimit(agent_result.status)) outcome.status = LimitStatus("agent", agent_result.status);
  return {};
}

}  // namespace

std::vector<PathName> SlotNames(const BuildResult& build, const fs::path& task_dir) {
  return {{task_dir, "{task}"}, {build.src, "{src}"}, {build.build, "{build}"}};
}

Result<BuildResult> BuildAgent(const HarnessOptions& options, const AgentSpec& spec,
                               const fs::path& source, const Slot& slot) {
  BuildResult outcome;
  outcome.src = slot.src();
  outcome.build = slot.build();
  outcome.tasks = slot.tasks();
  outcome.logs = slot.logs();
  if (slot.capped()) outcome.disk = slot.dir();
  SyncStats stats = CLADE_TRY(SyncDirectory(source, outcome.src));
  outcome.files_written = stats.written;
  std::error_code error;
  fs::remove_all(outcome.build, error);  // every build starts from an empty directory
  fs::create_directories(outcome.build, error);
  if (error) return Fail("cannot create {}: {}", outcome.build.string(), error.message());
  WatchedFiles before = CLADE_TRY(WatchedFiles::Read(outcome.src, {}));
  const std::vector<PathName> names = SlotNames(outcome);
  for (size_t step = 0; step < spec.build.size() && outcome.ok(); ++step) {
    RunSpec run =
        BuildStep(options, spec, step, outcome, slot.logs() / fmt::format("build-{}.log", step));
    RunResult result = CLADE_TRY(Run(run));
    outcome.seconds += result.wall_seconds;
    outcome.log += fmt::format("$ {}\n{}", WithPlaceholders(Join(run.argv), names),
                               ReadLog(run.stdout_path, names));
    outcome.failure = BuildFailure(result.status);
  }
  WatchedFiles after = CLADE_TRY(WatchedFiles::Read(outcome.src, {}));
  outcome.tampered = before.ChangesTo(after, "build", "");
  if (!outcome.tampered.empty()) outcome.failure = EvalStatus::kTampered;
  return outcome;
}

Result<TaskResult> RunTask(const HarnessOptions& options, const AgentSpec& spec,
                           const BuildResult& build, const Suite& suite, const Task& task) {
  TaskResult outcome;
  outcome.id = task.id;
  std::optional<TaskDirs> dirs = CLADE_TRY(PrepareTask(build, task, &outcome));
  if (!dirs) return outcome;
  DEFER {
    std::error_code error;
    fs::remove_all(dirs->dir, error);
    fs::remove_all(dirs->logs, error);
  };
  CLADE_TRY(RunPreparedTask(options, spec, build, suite, task, *dirs, outcome));
  return outcome;
}

}  // namespace clade::sandbox
