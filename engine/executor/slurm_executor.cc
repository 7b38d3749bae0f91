#include "engine/executor/slurm_executor.h"

#include <algorithm>

#include <fmt/format.h>

#include "engine/executor/slurm_task_evaluation.h"
#include "sandbox/tree_sync.h"
#include "support/fs.h"
#include "support/hash.h"

namespace clade::executor {

namespace {

std::string Sanitized(const std::string& text) {
  std::string out;
  for (char c : text)
    out += (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_') ? c : '-';
  return out.empty() ? "run" : out;
}

// The content of a directory: relative paths, file contents, executable bits, links.
Result<std::string> TreeHash(const fs::path& root) {
  std::vector<fs::path> entries;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(root, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_symlink(error) || it->is_regular_file(error)) entries.push_back(it->path());
  }
  if (error) return Fail("cannot read {}: {}", root.string(), error.message());
  std::sort(entries.begin(), entries.end());
  ContentHash hash;
  for (const fs::path& path : entries) {
    hash.Add(fs::relative(path, root).string());
    if (fs::is_symlink(fs::symlink_status(path, error))) {
      hash.Add("link").Add(fs::read_symlink(path, error).string());
      continue;
    }
    auto perms = fs::status(path, error).permissions();
    hash.Add((perms & fs::perms::owner_exec) != fs::perms::none ? "x" : "-");
    hash.Add(CLADE_TRY(ReadFile(path)));
  }
  return hash.Hex();
}

}  // namespace

fs::path SlurmRunDirectory(const fs::path& shared, const std::string& name,
                           const fs::path& archive) {
  ContentHash hash;
  hash.Add(fs::absolute(archive).lexically_normal().string());
  return shared / fmt::format("{}-{}", Sanitized(name), hash.Hex().substr(0, 8));
}

SlurmExecutor::SlurmExecutor(SlurmConfig config, SlurmRun run, std::unique_ptr<SlurmClient> client)
    : config_(config), run_(std::move(run)), queue_(config, run_.dir / "jobs", std::move(client)) {}

Result<fs::path> SlurmExecutor::SharedSuite(const sandbox::Suite& suite) {
  // Called under mutex_.
  if (!suite_copy_.empty()) return suite_copy_;
  suite_hash_ = CLADE_TRY(sandbox::SuiteHash(suite));
  suite_name_ = suite.name;
  fs::path copy = run_.dir / fmt::format("suite-{}", suite_hash_);
  std::error_code error;
  if (!fs::is_directory(copy, error)) {
    CLADE_TRY(PublishDirectory(
        copy, [&](const fs::path& tmp) { return sandbox::CopyTree(suite.dir, tmp); }));
  }
  suite_copy_ = copy;
  return copy;
}

Result<std::string> SlurmExecutor::JobKey(const EvalJob& job) {
  ContentHash hash;
  hash.Add(CLADE_TRY(TreeHash(job.source))).Add(suite_hash_);
  hash.Add(std::to_string(job.max_tasks.value_or(0)));
  for (const sandbox::Stage& stage : job.stages) {
    hash.Add(fmt::format("{}:{}", stage.tasks, stage.threshold));
  }
  // The two layouts of a child's jobs never share a directory.
  if (config_.per == SlurmJobsPer::kTask) hash.Add("per: task");
  return hash.Hex();
}

JobSpec SlurmExecutor::Spec(const EvalJob& job, const fs::path& suite) const {
  JobSpec spec;
  spec.suite = suite;
  spec.stages = job.stages;
  spec.max_tasks = job.max_tasks;
  spec.task_workers = job.task_workers;
  spec.build_seconds = run_.build_seconds;
  spec.build_memory_mb = run_.build_memory_mb;
  spec.require_isolation = run_.require_isolation;
  spec.read_only = run_.read_only;
  spec.disk_mb = run_.disk_mb;
  spec.work = config_.work;
  spec.hidden = run_.hidden;
  spec.hidden.push_back(run_.dir / "jobs");  // other children's sources and results
  return spec;
}

Result<ChildJobs> SlurmExecutor::Locate(const EvalJob& job) {
  std::lock_guard lock(mutex_);
  fs::path suite = CLADE_TRY(SharedSuite(*job.suite));
  std::string key = CLADE_TRY(JobKey(job));
  return ChildJobs{.dir = run_.dir / "jobs" / key,
                   // RUN-HASH (the run directory's name): two archives of one run name,
                   // sharing a path, never share a job name.
                   .name = fmt::format("clade-{}-{}", run_.dir.filename().string(), key),
                   .spec = Spec(job, suite),
                   .clade = run_.clade,
                   .suite_name = suite_name_,
                   .suite_hash = suite_hash_};
}

Result<sandbox::Evaluation> SlurmExecutor::Evaluate(const EvalJob& job, int /*worker*/) {
  ChildJobs child = CLADE_TRY(Locate(job));
  if (config_.per == SlurmJobsPer::kTask) return EvaluateByTask(queue_, job, child);
  return EvaluateChild(job, child);
}

Result<sandbox::Evaluation> SlurmExecutor::EvaluateChild(const EvalJob& job,
                                                         const ChildJobs& child) {
  JobPaths paths{child.dir};
  auto prepare = [&](const fs::path& tmp) -> Result<> {
    CLADE_TRY(sandbox::CopyTree(job.source, tmp / "source"));
    return WriteJobFiles(tmp, paths, child.spec, child.clade);
  };
  JobWatch watch = CLADE_TRY(queue_.Start(paths, child.name, ResultKey(JobKind::kChild), prepare));
  JobEnd end = CLADE_TRY(queue_.Await(watch));
  std::error_code error;
  fs::remove_all(paths.source(), error);  // the job is done with it
  if (!end.result) return EndedEvaluation(child, end);
  auto evaluation = EvaluationFromJson(*end.result);
  if (!evaluation) {
    return Fail("the job's result {}: {}", paths.result().string(), evaluation.error().message);
  }
  return evaluation;
}

}  // namespace clade::executor
