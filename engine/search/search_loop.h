// The search loop behind RunSearch (search.h), internal to engine/search/. One class, its
// parts in four files, so a reader follows one child from `clade run` to its commit:
//   search.cc          the run: its state, the seed, selection (Pool, Draw; with an
//                      ensemble, each child's model by the bandit), waiting, pruning, the end
//   child_pipeline.cc  one child: propose (mutator, on a worker), apply, evaluate (the
//                      executor, on a worker, or a record found in the archive), record
//                      (child.h's RecordChild), report
//   validation_step.cc with evaluation.validation: the seed and a child that beat its
//                      parent are evaluated on the held-out tasks (and the parent once),
//                      and the paired test's verdict goes into the child's record
//   generational.cc    the generational scheduler: a plan per iteration, children recorded
//                      in plan order, pruning at the barrier, resumable mid-plan
//   async.cc           the async scheduler: a new child whenever a worker is free
//   tasks.cc           the tasks scheduler (HGM's): one task evaluation at a time, to a new
//                      child or to one more task of a recorded variant (task_scheduler.h)
//
// Threads: every member function runs on the thread that called RunSearch and owns the
// archive; the lambdas submitted to the worker pool touch only their Child and post their
// continuation back (WorkerPool::Post).
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "engine/search/child.h"
#include "engine/search/islands.h"
#include "engine/search/progress.h"
#include "engine/search/run_state.h"
#include "engine/search/search.h"
#include "engine/search/task_scheduler.h"
#include "engine/search/worker_pool.h"
#include "engine/selection/candidate.h"
#include "engine/selection/policy.h"
#include "engine/selection/pruning.h"
#include "engine/selection/rng.h"

namespace clade::search {

using Clock = std::chrono::steady_clock;
using archive::VariantId;

// The validation step of one child (validation_step.cc): records found in the archive, or
// evaluations run now on a worker, for the child and its parent.
struct ValidationStep {
  std::string child_key;
  std::string parent_key;
  std::optional<nlohmann::json> child_record;   // found in the archive
  std::optional<nlohmann::json> parent_record;  // found, or made from parent_evaluation
  std::optional<Result<sandbox::Evaluation>> child_evaluation;   // run now
  std::optional<Result<sandbox::Evaluation>> parent_evaluation;  // run now
};

// One child on its way through the loop.
struct Child {
  size_t index = 0;  // in the iteration's plan (generational)
  PlannedChild plan;
  std::optional<archive::VariantId> existing;  // added before a crash; only its record is missing
  int slot = -1;  // the scratch slot (a directory reused from child to child)
  std::filesystem::path dir;
  Clock::time_point start;
  ChildResult result;  // what it has become so far
  std::optional<ValidationStep> validating;
  bool done = false;

  bool IsSeed() const { return result.iteration == 0; }
};

// search.mode: tasks: one more task of a variant already recorded (tasks.cc).
struct TaskRun {
  archive::VariantId id = 0;
  size_t task = 0;  // its index in the run's task order
  int slot = -1;
  std::filesystem::path dir;
  std::optional<Result<sandbox::Evaluation>> evaluation;
};

class Search {
 public:
  explicit Search(const SearchContext& context);
  Result<SearchSummary> Run();

 private:
  // search.cc: the run
  Result<> LoadOrStartState();
  double Seconds() const;
  Result<> SaveState();
  bool Stopping() const { return c_.stop->load() != kRun; }
  bool Abandoning() const { return c_.stop->load() == kAbandon; }
  Result<> EvaluateSeed();
  Result<> LoadRecordIndex();
  int NextModel(int64_t child);
  void RewardModel(const std::string& model, const nlohmann::json& record);
  Result<std::vector<selection::Candidate>> Pool();
  Result<std::vector<PlannedChild>> Draw(size_t count, int64_t first_index);
  Result<std::vector<int>> SelectParents(const std::vector<selection::Candidate>& pool,
                                         const std::vector<int>& islands);
  std::optional<archive::VariantId> DrawDonor(
      const std::vector<const selection::Candidate*>& eligible, archive::VariantId parent);
  Result<> Wait();
  std::optional<std::string> BudgetSpent() const;
  std::optional<std::string> SpendingBudgetSpent() const;
  bool TooManyErrors();
  // One child more than workers: it waits in the pool's queue, so a worker that finishes
  // starts on it at once instead of waiting for this thread to record the finished one.
  int MaxInFlight() const { return std::max(1, config_.workers) + 1; }
  size_t InFlight() const { return in_flight_.size() + task_runs_.size(); }
  Result<> Prune(const std::vector<int>& new_ids);
  Result<SearchSummary> Finish();

  // child_pipeline.cc: one child
  std::unique_ptr<Child> NewChild(int64_t iteration, size_t index, PlannedChild plan);
  Result<> StartChild(std::unique_ptr<Child> owned);
  Result<mutation::MutationRequest> MakeRequest(Child& child);
  Result<> AddFailedTaskLogs(archive::VariantId parent, mutation::MutationRequest& request);
  Result<> OnProposed(Child& child);
  Result<std::map<std::string, double>> ParentScores(archive::VariantId parent);
  Result<> StartEvaluation(Child& child);
  Result<> Evaluated(Child& child);
  void Keep(Result<> result);
  void CountCpu(const Result<sandbox::Evaluation>& evaluation);
  void AcquireSlot(Child& child);
  int TakeSlot();
  std::filesystem::path SlotDir(int slot) const;
  Result<> Complete(Child& child);
  VariantId DuplicateBound() const;
  std::optional<VariantId> DuplicateOf(const ChildResult& result, VariantId bound);
  Result<> CommitChild(Child& child);
  void Remember(mutation::Lesson lesson);
  void CountChild(archive::VariantId id, EvalStatus status, const nlohmann::json& record);
  void CountSpending(const nlohmann::json& record);
  void ReportChild(const Child& child, archive::VariantId id, const nlohmann::json& record);
  ProgressSnapshot ProgressNow();
  std::optional<double> TasksSecondsLeft() const;

  // validation_step.cc
  bool BeatsParent(const Child& child);
  Result<> StartValidation(Child& child);
  Result<> Validated(Child& child);
  Result<> RecordParentValidation(const Child& child, const sandbox::Evaluation& evaluation);

  // generational.cc
  Result<> RunGenerations();
  Result<> PlanIteration();
  Result<> RunPlan();
  Result<> RecountPlan(size_t recorded);
  Result<> FlushPlan();

  // async.cc
  Result<> RunAsync();
  bool AsyncBudgetSpent(int64_t per_iteration);
  Result<> CommitAsync(Child& child);

  // tasks.cc
  Result<> RunTasks();
  Result<> LoadTaskTree();
  Result<> AddToTaskTree(archive::VariantId id, std::optional<archive::VariantId> parent,
                         const nlohmann::json& record);
  bool StartTaskWork();
  bool TasksBudgetSpent() const;
  executor::EvalJob TaskJob(const std::filesystem::path& source, size_t task) const;
  Result<> CommitTaskChild(Child& child);
  Result<> StartTaskRun(archive::VariantId id);
  Result<> TaskRunDone(TaskRun& run);

  const SearchContext& c_;
  const RunConfig& config_;
  archive::Archive& archive_;
  std::string benchmark_;
  RunState state_;
  selection::Rng rng_;
  std::unique_ptr<selection::SelectionPolicy> policy_;
  std::unique_ptr<selection::PruningRule> pruning_;
  std::map<Child*, std::unique_ptr<Child>> in_flight_;
  // search.mode: tasks
  std::vector<sandbox::Suite> task_order_;
  std::optional<TaskScheduler> scheduler_;
  std::map<TaskRun*, std::unique_ptr<TaskRun>> task_runs_;
  // Each token hash's first variant (records' token_hash), for rejecting duplicates.
  std::map<std::string, archive::VariantId> token_owners_;
  Islands islands_;  // search.islands; one island holding every variant by default
  // The ensemble's bandit (model_selection; llm and self with `models`), rebuilt from the
  // records at the start of each session.
  std::optional<model::ModelBandit> bandit_;
  // The run memory's lessons (run_memory.h), by variant id, with `memory` on.
  std::vector<mutation::Lesson> lessons_;
  std::vector<Child*> planned_;
  std::vector<int> free_slots_;
  int next_slot_ = 0;
  size_t committed_ = 0;
  Result<> pending_;
  int consecutive_errors_ = 0;
  int64_t session_children_ = 0;
  int64_t session_start_task_evaluations_ = 0;  // state_.task_evaluations when it began
  int64_t session_failures_ = 0;
  std::string reason_;
  std::string failed_;
  double base_seconds_ = 0;
  Clock::time_point children_start_;  // when this session's first child could start
  WorkerPool pool_;  // after every member its threads use: it is destroyed (joined) first
  Clock::time_point start_;
};

}  // namespace clade::search
