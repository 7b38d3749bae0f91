#include "engine/executor/executor.h"

#include <fmt/format.h>

#include "engine/model/model_proxy.h"

namespace clade::executor {

Result<sandbox::Evaluation> LocalExecutor::Evaluate(const EvalJob& job, int worker) {
  if (worker < 0 || static_cast<size_t>(worker) >= slots_.size()) {
    return Fail("local executor: no build slot for worker {}", worker);
  }
  int slot = slots_[static_cast<size_t>(worker)];
  sandbox::HarnessOptions harness = harness_;
  std::unique_ptr<model::ModelProxy> proxy;
  if (client_) {
    // One budget for the child; each of its agent runs gets a socket of its own.
    proxy = std::make_unique<model::ModelProxy>(client_, agent_tokens_);
    harness.model = proxy.get();
  }
  sandbox::EvalOptions options;
  options.workers = job.task_workers;
  options.slot = slot;
  options.max_tasks = job.max_tasks;
  options.stages = job.stages;
  options.parent_scores = job.parent_scores;
  options.repeats = job.repeats;
  auto evaluation = sandbox::Evaluate(harness, job.source, *job.suite, options);
  if (proxy) {
    proxy->Stop();
    if (evaluation) evaluation->model = proxy->Summary();
  }
  return evaluation;
}

}  // namespace clade::executor
