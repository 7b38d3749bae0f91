#include "engine/cli/worker_command.h"

#include <algorithm>
#include <memory>

#include <fmt/format.h>

#include "engine/cli/work_dir.h"
#include "engine/executor/slurm_job.h"
#include "sandbox/evaluator.h"
#include "sandbox/suite.h"
#include "sandbox/tree_sync.h"
#include "support/fs.h"

namespace clade::cli {

namespace {

namespace fs = std::filesystem;

Result<executor::JobSpec> ReadSpec(const executor::JobPaths& paths) {
  std::string text = CLADE_TRY(ReadFile(paths.spec()));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return Fail("{} is not JSON", paths.spec().string());
  return executor::JobSpec::FromJson(json);
}

// The harness of a local run, on this node.
sandbox::HarnessOptions Harness(const executor::JobSpec& spec, const fs::path& work) {
  sandbox::HarnessOptions harness{.work = work,
                                  .read_only = spec.read_only,
                                  .build_seconds = spec.build_seconds,
                                  .build_memory_mb = spec.build_memory_mb,
                                  .disk_mb = spec.disk_mb};
  std::error_code error;
  for (const fs::path& path : spec.hidden) {
    if (fs::exists(path, error)) harness.hidden.push_back(path);
  }
  if (spec.require_isolation) harness.isolation = sandbox::Isolation::kBubblewrap;
  return harness;
}

// Kind child: builds and evaluates DIR/source.
Result<nlohmann::json> EvaluateChild(const executor::JobPaths& paths,
                                     const executor::JobSpec& spec) {
  sandbox::Suite suite = CLADE_TRY(sandbox::LoadSuite(spec.suite));
  fs::path work = WorkDirectory(spec.work.string());
  SlotClaim claim = CLADE_TRY(ClaimSlot(work));
  sandbox::EvalOptions options;
  options.workers = spec.task_workers;
  options.slot = claim.slot;
  options.max_tasks = spec.max_tasks;
  options.stages = spec.stages;
  auto evaluation =
      CLADE_TRY(sandbox::Evaluate(Harness(spec, work), paths.source(), suite, options));
  return executor::EvaluationToJson(evaluation);
}

// Kind build: builds the source in a slot and, if it built, publishes the build directory.
Result<nlohmann::json> BuildChild(const executor::JobSpec& spec) {
  sandbox::AgentSpec agent = CLADE_TRY(sandbox::LoadAgentSpec(spec.source));
  fs::path work = WorkDirectory(spec.work.string());
  SlotClaim claim = CLADE_TRY(ClaimSlot(work));
  sandbox::HarnessOptions harness = Harness(spec, work);
  sandbox::Slot slot = CLADE_TRY(sandbox::Slot::Open(
      work / fmt::format("slot-{}", claim.slot), harness.disk_mb << 20));
  auto build = CLADE_TRY(sandbox::BuildAgent(harness, agent, spec.source, slot));
  std::error_code error;
  if (build.ok() && !fs::is_directory(spec.built, error)) {
    CLADE_TRY(executor::PublishDirectory(
        spec.built, [&](const fs::path& tmp) { return sandbox::CopyTree(build.build, tmp); }));
  }
  return executor::BuildToJson(build);
}

// Kind task: runs one task with the published build.
Result<nlohmann::json> RunOneTask(const executor::JobSpec& spec) {
  sandbox::Suite suite = CLADE_TRY(sandbox::LoadSuite(spec.suite));
  auto task = std::find_if(suite.tasks.begin(), suite.tasks.end(),
                           [&](const sandbox::Task& t) { return t.id == spec.task; });
  if (task == suite.tasks.end()) {
    return Fail("the suite {} has no task '{}'", spec.suite.string(), spec.task);
  }
  sandbox::AgentSpec agent = CLADE_TRY(sandbox::LoadAgentSpec(spec.source));
  fs::path work = WorkDirectory(spec.work.string());
  SlotClaim claim = CLADE_TRY(ClaimSlot(work));
  sandbox::HarnessOptions harness = Harness(spec, work);
  sandbox::Slot slot = CLADE_TRY(sandbox::Slot::Open(
      work / fmt::format("slot-{}", claim.slot), harness.disk_mb << 20));
  sandbox::BuildResult build{.failure = std::nullopt,
                             .src = spec.source,
                             .build = spec.built,
                             .tasks = slot.tasks(),
                             .logs = slot.logs(),
                             .disk = slot.capped() ? slot.dir() : fs::path()};
  auto outcome = CLADE_TRY(sandbox::RunTask(harness, agent, build, suite, *task));
  return executor::TaskToJson(outcome);
}

Result<nlohmann::json> RunJob(const executor::JobPaths& paths, const executor::JobSpec& spec) {
  switch (spec.kind) {
    case executor::JobKind::kBuild:
      return BuildChild(spec);
    case executor::JobKind::kTask:
      return RunOneTask(spec);
    case executor::JobKind::kChild:
      break;
  }
  return EvaluateChild(paths, spec);
}

Result<> RunEvalJob(const std::string& dir) {
  executor::JobPaths paths{fs::absolute(dir)};
  if (!fs::exists(paths.spec())) {
    return FailAs(ErrorKind::kUsage, "{} is not a job directory (it has no job.json)",
                  paths.dir.string());
  }
  Result<executor::JobSpec> spec = ReadSpec(paths);
  Result<nlohmann::json> result = spec ? RunJob(paths, *spec) : tl::unexpected(spec.error());
  std::string_view key = executor::ResultKey(spec ? spec->kind : executor::JobKind::kChild);
  CLADE_TRY(executor::WriteJobPayload(paths, key, result));
  if (!result) return tl::unexpected(result.error());
  return {};
}

}  // namespace

Command RegisterWorkerCommand(CLI::App& app) {
  auto dir = std::make_shared<std::string>();
  // An empty group hides the command from `clade --help`: users never call it.
  CLI::App* worker = app.add_subcommand("worker", "Internal: the job side of executors");
  worker->group("");
  worker->require_subcommand(1);
  CLI::App* eval_job = worker->add_subcommand(
      "eval-job",
      "Do the job of a Slurm job directory (build and evaluate a child, build it, or run one "
      "of its tasks); write its result");
  eval_job->add_option("DIR", *dir, "The job directory written by clade run")->required();
  eval_job->footer("Run by the job scripts of 'executor: slurm' (docs/cluster.md).");
  return {worker, [dir] { return RunEvalJob(*dir); }};
}

}  // namespace clade::cli
