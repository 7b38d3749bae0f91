#include "engine/cli/worker_command.h"

#include <memory>

#include <fmt/format.h>

#include "engine/cli/work_dir.h"
#include "engine/search/slurm_job.h"
#include "sandbox/evaluator.h"
#include "sandbox/suite.h"
#include "support/fs.h"

namespace clade::cli {

namespace {

namespace fs = std::filesystem;

Result<sandbox::Evaluation> EvaluateJob(const search::JobPaths& paths) {
  std::string text = CLADE_TRY(ReadFile(paths.spec()));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded()) return Fail("{} is not JSON", paths.spec().string());
  search::JobSpec spec = CLADE_TRY(search::JobSpec::FromJson(json));
  sandbox::Suite suite = CLADE_TRY(sandbox::LoadSuite(spec.suite));
  fs::path work = WorkDirectory(spec.work.string());
  SlotClaim claim = CLADE_TRY(ClaimSlot(work));
  sandbox::HarnessOptions harness{
      .work = work, .build_seconds = spec.build_seconds, .build_memory_mb = spec.build_memory_mb};
  std::error_code error;
  for (const fs::path& path : spec.hidden) {
    if (fs::exists(path, error)) harness.hidden.push_back(path);
  }
  if (spec.require_isolation) harness.isolation = sandbox::Isolation::kBubblewrap;
  sandbox::EvalOptions options;
  options.workers = spec.task_workers;
  options.slot = claim.slot;
  options.max_tasks = spec.max_tasks;
  options.stages = spec.stages;
  return sandbox::Evaluate(harness, paths.source(), suite, options);
}

Result<> RunEvalJob(const std::string& dir) {
  search::JobPaths paths{fs::absolute(dir)};
  if (!fs::exists(paths.spec())) {
    return FailAs(ErrorKind::kUsage, "{} is not a job directory (it has no job.json)",
                  paths.dir.string());
  }
  Result<sandbox::Evaluation> evaluation = EvaluateJob(paths);
  CLADE_TRY(search::WriteJobResult(paths, evaluation));
  if (!evaluation) return tl::unexpected(evaluation.error());
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
      "eval-job", "Build and evaluate the child in a Slurm job directory; write its result");
  eval_job->add_option("DIR", *dir, "The job directory written by clade run")->required();
  eval_job->footer("Run by the job scripts of 'executor: slurm' (docs/cluster.md).");
  return {worker, [dir] { return RunEvalJob(*dir); }};
}

}  // namespace clade::cli
