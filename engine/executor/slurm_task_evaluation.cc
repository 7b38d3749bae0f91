#include "engine/executor/slurm_task_evaluation.h"

#include <algorithm>

#include <fmt/format.h>

#include "sandbox/tree_sync.h"

namespace clade::executor {

namespace {

class ByTask {
 public:
  ByTask(SlurmQueue& queue, const EvalJob& job, const ChildJobs& child)
      : queue_(queue), job_(job), child_(child) {}

  Result<sandbox::Evaluation> Run();

 private:
  fs::path source() const { return child_.dir / "source"; }
  fs::path built() const { return child_.dir / "built"; }
  size_t TaskCount() const;
  // The child's job spec as a build or task job over the shared source and build.
  JobSpec SpecOf(JobKind kind) const;
  Result<> CopySource();
  Result<JobWatch> StartJob(const std::string& sub, const JobSpec& spec);
  Result<std::vector<sandbox::TaskResult>> RunBatch(size_t begin, size_t end);
  Result<std::vector<sandbox::TaskResult>> AwaitTasks(std::vector<JobWatch>& watches, size_t begin);
  Result<sandbox::TaskResult> TaskResultOf(const JobEnd& end, size_t index);
  void CancelAll(const std::vector<JobWatch>& watches);
  Result<sandbox::Evaluation> Finish(sandbox::Evaluation evaluation);

  SlurmQueue& queue_;
  const EvalJob& job_;
  const ChildJobs& child_;
  // The first task job seen to end without a result, as the task's outcome, and the
  // note for the build log.
  std::optional<sandbox::TaskResult> failed_;        // a task whose job ended without a result
  EvalStatus failed_status_ = EvalStatus::kJobLost;  // how it ended
  std::string failed_note_;
};

size_t ByTask::TaskCount() const {
  size_t count = job_.suite->tasks.size();
  return job_.max_tasks ? std::min(*job_.max_tasks, count) : count;
}

JobSpec ByTask::SpecOf(JobKind kind) const {
  JobSpec spec = child_.spec;
  spec.kind = kind;
  spec.source = source();
  spec.built = built();
  return spec;
}

Result<> ByTask::CopySource() {
  std::error_code error;
  if (fs::is_directory(source(), error)) return {};
  return PublishDirectory(source(),
                          [&](const fs::path& tmp) { return sandbox::CopyTree(job_.source, tmp); });
}

Result<JobWatch> ByTask::StartJob(const std::string& sub, const JobSpec& spec) {
  JobPaths paths{child_.dir / sub};
  auto prepare = [&](const fs::path& tmp) { return WriteJobFiles(tmp, paths, spec, child_.clade); };
  return queue_.Start(paths, child_.name + "-" + sub, ResultKey(spec.kind), prepare);
}

Result<sandbox::Evaluation> ByTask::Run() {
  JobPaths whole{child_.dir};
  if (auto done = CLADE_TRY(queue_.Finished(whole, ResultKey(JobKind::kChild)))) {
    return EvaluationFromJson(*done);
  }
  CLADE_TRY(CopySource());
  JobWatch build = CLADE_TRY(StartJob("build", SpecOf(JobKind::kBuild)));
  JobEnd made = CLADE_TRY(queue_.Await(build));
  if (!made.result) return Finish(EndedEvaluation(child_, made));
  sandbox::Evaluation evaluation;
  evaluation.suite = child_.suite_name;
  evaluation.suite_hash = child_.suite_hash;
  auto outcome = BuildFromJson(*made.result);
  if (!outcome)
    return Fail("the build job in {}: {}", build.paths.dir.string(), outcome.error().message);
  evaluation.build = std::move(*outcome);
  if (!evaluation.build.ok()) {
    evaluation.status = *evaluation.build.failure;
    return Finish(std::move(evaluation));
  }
  auto batch = [this](size_t begin, size_t end) { return RunBatch(begin, end); };
  Result<> staged = sandbox::RunStages(TaskCount(), job_.stages, batch, &evaluation);
  if (failed_) {
    evaluation.status = failed_status_;
    evaluation.score = 0;
    evaluation.tasks.push_back(*failed_);
    evaluation.build.log += failed_note_;
  } else if (!staged) {
    return tl::unexpected(staged.error());
  }
  return Finish(std::move(evaluation));
}

Result<std::vector<sandbox::TaskResult>> ByTask::RunBatch(size_t begin, size_t end) {
  std::vector<JobWatch> watches;
  for (size_t i = begin; i < end; ++i) {
    JobSpec spec = SpecOf(JobKind::kTask);
    spec.task = job_.suite->tasks[i].id;
    Result<JobWatch> started = StartJob(fmt::format("task-{}", i), spec);
    if (!started) {
      CancelAll(watches);
      return tl::unexpected(started.error());
    }
    watches.push_back(std::move(*started));
  }
  auto outcomes = AwaitTasks(watches, begin);
  if (!outcomes) CancelAll(watches);  // the stage has failed: its other jobs are of no use
  return outcomes;
}

Result<std::vector<sandbox::TaskResult>> ByTask::AwaitTasks(std::vector<JobWatch>& watches,
                                                            size_t begin) {
  std::vector<std::optional<sandbox::TaskResult>> outcomes(watches.size());
  size_t left = watches.size();
  while (left > 0) {
    for (size_t i = 0; i < watches.size(); ++i) {
      if (outcomes[i]) continue;
      std::optional<JobEnd> end = CLADE_TRY(queue_.Poll(watches[i]));
      if (!end) continue;
      outcomes[i] = CLADE_TRY(TaskResultOf(*end, begin + i));
      left -= 1;
    }
    if (left > 0) queue_.Pause();
  }
  std::vector<sandbox::TaskResult> done;
  for (auto& outcome : outcomes) done.push_back(std::move(*outcome));
  return done;
}

Result<sandbox::TaskResult> ByTask::TaskResultOf(const JobEnd& end, size_t index) {
  const std::string& id = job_.suite->tasks[index].id;
  if (end.result) {
    auto outcome = TaskFromJson(*end.result);
    if (!outcome) return Fail("the job of task {}: {}", id, outcome.error().message);
    return outcome;
  }
  failed_ = sandbox::TaskResult{
      .id = id, .score = 0, .status = std::string(EvalStatusName(end.status)), .log = end.log};
  failed_status_ = end.status;
  failed_note_ = fmt::format("\n--- task {}: its job ended without a result ---\n{}", id, end.log);
  return Fail("the job of task {} ended without a result ({})", id, end.status);
}

void ByTask::CancelAll(const std::vector<JobWatch>& watches) {
  // Best effort: the evaluation has failed already, and Close cancels a job scancel
  // missed at the end of the session at the latest.
  for (const JobWatch& watch : watches) (void)queue_.Cancel(watch);
}

Result<sandbox::Evaluation> ByTask::Finish(sandbox::Evaluation evaluation) {
  CLADE_TRY(WriteJobResult(JobPaths{child_.dir}, evaluation));
  std::error_code error;
  fs::remove_all(source(), error);  // the jobs are done with them
  fs::remove_all(built(), error);
  return evaluation;
}

}  // namespace

Result<sandbox::Evaluation> EvaluateByTask(SlurmQueue& queue, const EvalJob& job,
                                           const ChildJobs& child) {
  return ByTask(queue, job, child).Run();
}

}  // namespace clade::executor
