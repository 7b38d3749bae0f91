// Where children are built and evaluated. The search loop hands each child to an
// Executor and never cares where it runs: `local` builds and runs it here in a sandbox
// build slot; a cluster executor (docs/cluster.md) would submit it as a job. Tests and the
// overhead benchmark substitute their own.
//
// Thread safety: Evaluate is called from the loop's worker threads, at most once at a
// time per worker index; implementations must allow calls for different workers at once.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

#include "engine/model/model_client.h"
#include "sandbox/evaluator.h"
#include "sandbox/harness.h"
#include "sandbox/suite.h"
#include "support/error.h"

namespace clade::executor {

struct EvalJob {
  std::filesystem::path source;  // the child's source directory (read-only)
  const sandbox::Suite* suite = nullptr;
  std::vector<sandbox::Stage> stages;
  std::optional<size_t> max_tasks;
  int task_workers = 1;
  // The parent's score per task when the parent gate replaces `stages`
  // (sandbox::EvalOptions::parent_scores). Only the local executor takes it.
  std::optional<std::map<std::string, double>> parent_scores;
  sandbox::Repeats repeats;  // evaluation.repeats; only the local executor takes it
};

class Executor {
 public:
  virtual ~Executor() = default;
  virtual std::string_view name() const = 0;
  // Builds and evaluates `job` for worker `worker` (0-based, below the loop's worker
  // count). A failed build is an Evaluation with that status; an error means the
  // infrastructure failed (the sandbox cannot run, the disk is full).
  virtual Result<sandbox::Evaluation> Evaluate(const EvalJob& job, int worker) = 0;
};

// Builds and evaluates on this machine: worker i uses build slot slots[i].
class LocalExecutor : public Executor {
 public:
  // REQUIRES: slots has one entry per worker, each slot held (ClaimSlot) by the caller.
  LocalExecutor(sandbox::HarnessOptions harness, std::vector<int> slots)
      : harness_(std::move(harness)), slots_(std::move(slots)) {}
  // With a model: each evaluation gets its own model socket (engine/model/model_proxy.h)
  // with `agent_tokens` to spend; its calls are summarised in Evaluation::model.
  void SetModel(std::shared_ptr<model::ModelClient> client, int64_t agent_tokens) {
    client_ = std::move(client);
    agent_tokens_ = agent_tokens;
  }
  std::string_view name() const override { return "local"; }
  Result<sandbox::Evaluation> Evaluate(const EvalJob& job, int worker) override;

 private:
  sandbox::HarnessOptions harness_;
  std::vector<int> slots_;
  std::shared_ptr<model::ModelClient> client_;
  int64_t agent_tokens_ = 0;
};

}  // namespace clade::executor
