// Building an agent and running it on one benchmark task, both inside the sandbox.
//
// An evaluation owns one build slot (slot.h) from its first build step to its last task:
// the agent's source is copied in, built in an empty build directory, and every task runs
// in a folder of the slot; the slot is emptied afterwards, so nothing one variant wrote
// reaches another. Every step is a separate sandboxed run that sees only what it needs
// (docs/sandbox.md, "What each step sees"): no step where agent-controlled code runs (a
// build command, the agent, the hidden test's build and each of its cases) sees the suite.
// Thread safety: BuildAgent uses the slot alone; RunTask calls on one built slot may run in
// parallel.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "sandbox/agent_spec.h"
#include "sandbox/log_paths.h"
#include "sandbox/runner.h"
#include "sandbox/slot.h"
#include "sandbox/suite.h"
#include "sandbox/tamper.h"
#include "support/error.h"
#include "support/eval_status.h"

namespace clade::sandbox {

// Serves the model to agent runs, a socket of its own for each run (engine/model's
// ModelProxy implements it). Thread-safe: tasks of one evaluation open sockets at once.
class ModelSockets {
 public:
  virtual ~ModelSockets() = default;
  // A new socket in a private directory (mode 0700) that nothing else uses; it serves
  // until Close. Errors when it cannot be made.
  virtual Result<std::filesystem::path> Open() = 0;
  // Stops serving `socket` and removes its directory. Idempotent.
  virtual void Close(const std::filesystem::path& socket) = 0;
};

struct HarnessOptions {
  std::filesystem::path work;                 // build slots and their claims
  std::vector<std::filesystem::path> hidden;  // never visible to agents (e.g. the archive)
  // More host paths every step may read (a toolchain under /opt: sandbox.read_only).
  std::vector<std::filesystem::path> read_only;
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  uint64_t disk_mb = 2048;  // a slot's cap where slots can be capped (slot.h)
  Isolation isolation = Isolation::kAuto;
  // The model, when agents are granted one (not owned; outlives the evaluation): each agent
  // run, never a build step or a hidden test, gets a socket of its own, bound at the same
  // path, and CLADE_MODEL_SOCKET naming it.
  ModelSockets* model = nullptr;
};

struct BuildResult {
  // None when every step succeeded; else build_failed, build_timeout, build_limit,
  // disk_limit, or tampered (a step changed the agent's source). The Slurm executor also
  // reports a job that ended without a result here (job_failed, ...).
  std::optional<EvalStatus> failure;
  double seconds = 0;
  // The build commands' output (capped), with the slot's folders written `{src}` and
  // `{build}` (docs/sandbox.md): the same text from any work directory and slot.
  std::string log;
  std::filesystem::path src;
  std::filesystem::path build;
  std::filesystem::path tasks;  // where RunTask makes each task's folder
  std::filesystem::path logs;   // where the runner writes logs (Slot::logs())
  std::filesystem::path disk;   // the capped file system the slot is (empty: uncapped)
  int files_written = 0;        // by the copy into the slot
  std::vector<Tamper> tampered;
  bool ok() const { return !failure; }
};

// The slot's folders and the placeholders stored logs name them by (log_paths.h): `{task}`
// for `task_dir` (when given), `{src}` and `{build}`. BuildAgent and RunTask store their
// logs so; the `self` mutator its agent's.
std::vector<PathName> SlotNames(const BuildResult& build, const std::filesystem::path& task_dir = {});

// Copies `source` into `slot` and runs the agent's build steps there, each in the empty
// build directory with the source read-only. Errors only when the sandbox cannot run at
// all; a failing build is a BuildResult.
Result<BuildResult> BuildAgent(const HarnessOptions& options, const AgentSpec& spec,
                               const std::filesystem::path& source, const Slot& slot);

struct TaskResult {
  std::string id;
  double score = 0;  // fraction of hidden tests passed
  // solved, partial, unsolved, no_result, agent_<limit>, test_<limit>, tampered, disk_limit
  // (the slot was full before the task could start)
  std::string status;
  double seconds = 0;      // agent plus hidden test, wall clock
  double cpu_seconds = 0;  // agent plus hidden test, CPU time of their process trees
  int passed = 0;
  int failed = 0;
  // Agent output, then the hidden test's output; the task's folder written `{task}`, the
  // slot's `{src}` and `{build}`, as in BuildResult::log.
  std::string log;
  std::vector<Tamper> tampered;  // protected files the agent changed (status tampered)
  // Each run's score when the task ran more than once (evaluation.repeats; evaluator.h):
  // `score` is then their mean, the other fields are the first run's, times are summed.
  std::vector<double> repeat_scores;
  // The task's visible cases on the same program (visible_cases), not scored.
  std::optional<CaseCounts> visible;
};

// Runs the built agent on `task` in a fresh copy of its workspace, checks that it left the
// task's protected files as they were, then scores the workspace with the hidden test.
// Errors only when the sandbox cannot run at all.
Result<TaskResult> RunTask(const HarnessOptions& options, const AgentSpec& spec,
                           const BuildResult& build, const Suite& suite, const Task& task);

}  // namespace clade::sandbox
