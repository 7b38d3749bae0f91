// The tasks scheduler (search.mode: tasks; docs/search.md, "Per-task scheduling"): the
// unit of work is one task evaluation. Whenever a worker is free, TaskScheduler decides
// between a new child (which goes through the child pipeline and is recorded after its
// first task) and the next task of a variant already recorded (a TaskRun here, whose
// outcome is added to the variant's record by AddTaskRun).
#include <algorithm>

#include <fmt/format.h>

#include "engine/search/budget.h"
#include "engine/search/evaluation_store.h"
#include "engine/search/run_memory.h"
#include "engine/search/search_loop.h"

namespace clade::search {

using archive::VariantId;

Result<> Search::RunTasks() {
  task_order_ = TaskOrder(*c_.suite, config_.max_tasks, config_.seed);
  if (task_order_.empty()) return {};
  scheduler_.emplace(task_order_.size(), config_.expand_exponent);
  session_start_task_evaluations_ = state_.task_evaluations;
  CLADE_TRY(LoadTaskTree());
  while (true) {
    while (static_cast<int>(InFlight()) < MaxInFlight() && !Stopping() && !TooManyErrors() &&
           !TasksBudgetSpent()) {
      if (!StartTaskWork()) break;
    }
    if (InFlight() == 0 || Abandoning()) break;
    CLADE_TRY(Wait());
  }
  if (reason_.empty()) {
    auto spent = SpendingBudgetSpent();
    if (!spent) {
      spent = SpentBudget({.task_evaluations = config_.budget.task_evaluations}, state_, Seconds());
    }
    reason_ = spent ? *spent : "every variant has run every task the budget allows";
  }
  return {};
}

// The variants of the archive with a record on the benchmark, as the scheduler's tree.
Result<> Search::LoadTaskTree() {
  for (const archive::Variant& variant : archive_.variants()) {
    auto record = CLADE_TRY(archive_.Record(variant.id, benchmark_));
    if (!record) continue;  // left by a crash before its record: not in the tree
    std::optional<VariantId> parent;
    if (variant.id != 0) {
      // The first parent; an orphan (its parent has no record) hangs under the seed.
      bool known = !variant.parents.empty() && scheduler_->Has(variant.parents[0]);
      parent = known ? variant.parents[0] : 0;
    }
    CLADE_TRY(AddToTaskTree(variant.id, parent, *record));
  }
  return {};
}

// A recorded variant joins the scheduler's tree: the tasks its record lists (found by id
// in the run's order; those beyond evaluation.tasks are left out) with their scores, or
// closed when it did not score (a build failure, tampering, a duplicate, no proposal).
Result<> Search::AddToTaskTree(VariantId id, std::optional<VariantId> parent,
                               const nlohmann::json& record) {
  auto summary = CLADE_TRY(archive::SummaryOfRecord(record));
  bool scored = summary.status && WasScored(*summary.status);
  std::vector<size_t> given;
  std::vector<double> scores;
  if (scored) {
    std::map<std::string, size_t> index;
    for (size_t i = 0; i < task_order_.size(); ++i) index[task_order_[i].tasks[0].id] = i;
    for (const sandbox::TaskResult& task : CLADE_TRY(TasksOfRecord(record))) {
      if (auto at = index.find(task.id); at != index.end()) {
        given.push_back(at->second);
        scores.push_back(task.score);
      }
    }
  }
  scheduler_->Add(id, parent, given);
  for (double score : scores) scheduler_->AddScore(id, score);
  if (!scored) scheduler_->Close(id);
  return {};
}

// Starts one piece of work, a new child or one more task of a variant; false when there
// is none to start now.
bool Search::StartTaskWork() {
  bool may_expand = !config_.budget.variants ||
                    state_.children + static_cast<int64_t>(in_flight_.size()) <
                        *config_.budget.variants;
  // HGM's cool-down: greedier draws as the budget ends (1 when search.cool_down is off).
  const double concentration =
      CoolDown(SpentFraction(config_.budget, state_, 1, Seconds()), config_.cool_down);
  std::optional<VariantId> parent;
  if (may_expand && scheduler_->ShouldExpand(in_flight_.size())) {
    parent = scheduler_->ChooseParent(rng_, concentration);
  }
  if (!parent) {
    if (auto variant = scheduler_->ChooseToEvaluate(rng_, concentration)) {
      Keep(StartTaskRun(*variant));
      return pending_.has_value();
    }
    // Nothing to evaluate and nothing running that could change that: expand anyway.
    if (may_expand && InFlight() == 0) parent = scheduler_->ChooseParent(rng_, concentration);
  }
  if (!parent) return false;
  int64_t index = state_.children + static_cast<int64_t>(in_flight_.size());
  PlannedChild plan{*parent, rng_(), {}, 0, NextModel(index)};
  Keep(StartChild(NewChild(index, static_cast<size_t>(index), plan)));
  return pending_.has_value();
}

bool Search::TasksBudgetSpent() const {
  int64_t started = state_.task_evaluations + static_cast<int64_t>(InFlight());
  if (config_.budget.task_evaluations && started >= *config_.budget.task_evaluations) return true;
  return SpendingBudgetSpent().has_value();
}

// The evaluation of task `task` (of the run's order) of the source in `source`; a new
// child's is the first, task 0.
EvalJob Search::TaskJob(const std::filesystem::path& source, size_t task) const {
  EvalJob job{source, &task_order_[task], {}, std::nullopt, 1};
  job.repeats = config_.repeats;
  return job;
}

// A new child after its first task: recorded (below_threshold until it has run every
// task), then a node of the scheduler's tree.
Result<> Search::CommitTaskChild(Child& child) {
  ChildResult& result = child.result;
  const bool ran = !result.cached && result.evaluation && *result.evaluation;
  if (ran) {
    sandbox::Evaluation& evaluation = **result.evaluation;
    evaluation.suite_tasks = task_order_.size();
    if (evaluation.status == EvalStatus::kEvaluated && task_order_.size() > 1) {
      evaluation.status = EvalStatus::kBelowThreshold;
    }
    if (task_order_.size() > 1) result.key += ":partial";
    state_.task_evaluations += 1;
  }
  CLADE_TRY(CommitChild(child));
  VariantId id = static_cast<VariantId>(archive_.size()) - 1;
  const VariantId parent = result.parent;
  in_flight_.erase(&child);  // destroys `child` and `result`: read nothing of them below
  auto record = CLADE_TRY(archive_.Record(id, benchmark_));
  CLADE_TRY(AddToTaskTree(id, parent, *record));
  CLADE_TRY(Prune({id}));
  return SaveState();
}

Result<> Search::StartTaskRun(VariantId id) {
  auto owned = std::make_unique<TaskRun>();
  TaskRun& run = *owned;
  run.id = id;
  run.task = scheduler_->TakeTask(id);
  run.slot = TakeSlot();
  run.dir = SlotDir(run.slot);
  task_runs_[&run] = std::move(owned);
  CLADE_TRY(archive_.SyncTo(id, run.dir / "source"));
  EvalJob job = TaskJob(run.dir / "source", run.task);
  pool_.Submit([this, &run, job](int worker) {
    run.evaluation = c_.executor->Evaluate(job, worker);
    pool_.Post([this, &run] {
      CountCpu(*run.evaluation); Keep(TaskRunDone(run)); });
  });
  return {};
}

// One more task of a recorded variant: its outcome joins the variant's record.
Result<> Search::TaskRunDone(TaskRun& run) {
  std::unique_ptr<TaskRun> owned = std::move(task_runs_.at(&run));
  task_runs_.erase(&run);
  free_slots_.push_back(run.slot);
  if (!*run.evaluation) {
    ++consecutive_errors_;
    scheduler_->GiveBack(run.id, run.task);
    c_.progress->Note(fmt::format("variant {}: task {} could not run: {}", run.id,
                                  task_order_[run.task].tasks[0].id,
                                  run.evaluation->error().message));
    return {};
  }
  consecutive_errors_ = 0;
  const sandbox::Evaluation& next = **run.evaluation;
  const archive::Variant& variant = archive_.variant(run.id);
  auto record = CLADE_TRY(archive_.Record(run.id, benchmark_));
  if (!record) return Fail("variant {} lost its record on {}", run.id, benchmark_);
  std::string key = EvaluationKey(variant.tree, c_.suite_hash, config_.max_tasks.value_or(0), {},
                                  {}, config_.repeats);
  nlohmann::json updated = CLADE_TRY(AddTaskRun(*record, next, task_order_.size(), key));
  CLADE_TRY(StoreEvaluationLogs(archive_, run.id, next));
  if (config_.memory_lessons > 0 && run.id != 0) {  // the lesson follows its record
    Remember(CLADE_TRY(WriteLesson(archive_, run.id, benchmark_, updated, "")));
  }
  CLADE_TRY(archive_.SetRecord(run.id, benchmark_, updated));
  state_.task_evaluations += 1;
  CountSpending({{"model", next.model}});
  if (WasScored(next.status)) {
    for (const sandbox::TaskResult& task : next.tasks) scheduler_->AddScore(run.id, task.score);
  } else {
    scheduler_->Close(run.id);
  }
  if (scheduler_->Complete(run.id) || !WasScored(next.status)) {
    // With the budget spent so far, as on every child's line (engine/search/progress.h).
    std::string usage = BudgetUsage(config_.budget, state_, Seconds());
    c_.progress->Note(fmt::format("variant {} {} after {} tasks: {:.3f}{}", run.id,
                                  EvalStatusName(*archive::SummaryOfRecord(updated)->status),
                                  updated["tasks"].size(), updated.value("score", 0.0),
                                  usage.empty() ? "" : "  | " + usage));
  }
  return SaveState();
}

}  // namespace clade::search
