#include "engine/search/executor.h"

namespace clade::search {

Result<sandbox::Evaluation> LocalExecutor::Evaluate(const EvalJob& job, int worker) {
  if (worker < 0 || static_cast<size_t>(worker) >= slots_.size()) {
    return Fail("local executor: no build slot for worker {}", worker);
  }
  sandbox::EvalOptions options;
  options.workers = job.task_workers;
  options.slot = slots_[static_cast<size_t>(worker)];
  options.max_tasks = job.max_tasks;
  options.stages = job.stages;
  return sandbox::Evaluate(harness_, job.source, *job.suite, options);
}

}  // namespace clade::search
