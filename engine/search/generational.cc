#include <algorithm>

#include "engine/search/search_loop.h"

namespace clade::search {

using archive::VariantId;

Result<> Search::RunGenerations() {
  while (!Stopping() && !TooManyErrors()) {
    if (!state_.plan) {
      if (auto spent = BudgetSpent()) {
        reason_ = *spent;
        return {};
      }
      CLADE_TRY(PlanIteration());
      if (!state_.plan) return {};
    }
    CLADE_TRY(RunPlan());
    if (state_.plan) return {};  // stopped inside the iteration
  }
  return {};
}

Result<> Search::PlanIteration() {
  int64_t count = config_.ChildrenPerIteration();
  if (config_.budget.variants) count = std::min(count, *config_.budget.variants - state_.children);
  if (count <= 0) return {};
  IterationPlan plan;
  plan.iteration = state_.iterations;
  plan.first_id = static_cast<VariantId>(archive_.size());
  plan.children_before = state_.children;
  plan.failures_before = state_.failures;
  plan.tokens_before = state_.tokens;
  plan.cost_before = state_.cost;
  plan.children = CLADE_TRY(Draw(static_cast<size_t>(count), state_.children));
  state_.plan = std::move(plan);
  return SaveState();
}

Result<> Search::RunPlan() {
  const IterationPlan& plan = *state_.plan;
  size_t total = plan.children.size();
  size_t recorded = static_cast<size_t>(std::clamp<int64_t>(
      static_cast<int64_t>(archive_.size()) - plan.first_id, 0, static_cast<int64_t>(total)));
  committed_ = recorded;
  planned_.assign(total, nullptr);
  size_t next = recorded;
  if (recorded > 0) {  // a crash may have come between a child's commit and its record
    VariantId last = plan.first_id + static_cast<VariantId>(recorded) - 1;
    if (!CLADE_TRY(archive_.Record(last, benchmark_))) committed_ = next = recorded - 1;
  }
  CLADE_TRY(RecountPlan(committed_));
  while (committed_ < total) {
    while (next < total && static_cast<int>(in_flight_.size()) < MaxInFlight() && !Stopping() &&
           !TooManyErrors() && !BudgetSpent()) {
      auto child = NewChild(plan.iteration, next, plan.children[next]);
      if (plan.first_id + static_cast<VariantId>(next) < static_cast<VariantId>(archive_.size())) {
        child->existing = plan.first_id + static_cast<VariantId>(next);
      }
      planned_[next] = child.get();
      ++next;
      CLADE_TRY(StartChild(std::move(child)));
    }
    if (in_flight_.empty()) break;  // stopped before the plan was done
    if (Abandoning()) return {};
    CLADE_TRY(Wait());
  }
  if (committed_ < total) {
    if (auto spent = BudgetSpent(); spent && reason_.empty()) reason_ = *spent;
    return SaveState();
  }
  std::vector<int> new_ids;
  for (size_t i = 0; i < total; ++i) new_ids.push_back(plan.first_id + static_cast<int>(i));
  CLADE_TRY(Prune(new_ids));
  state_.iterations += 1;
  state_.plan.reset();
  return SaveState();
}

// The counters after the first `recorded` children of the plan, from the archive: a
// crash between a child's record and the state's update must not lose or double it.
Result<> Search::RecountPlan(size_t recorded) {
  const IterationPlan& plan = *state_.plan;
  state_.children = plan.children_before + static_cast<int64_t>(recorded);
  state_.failures = plan.failures_before;
  state_.tokens = plan.tokens_before;
  state_.cost = plan.cost_before;
  const auto& outcomes = *CLADE_TRY(archive_.Summaries(benchmark_));
  for (size_t i = 0; i < recorded; ++i) {
    VariantId id = plan.first_id + static_cast<VariantId>(i);
    std::optional<EvalStatus> status = outcomes[static_cast<size_t>(id)].status;
    if (!status || !WasScored(*status)) state_.failures += 1;  // as CountChild counts it
    if (auto record = CLADE_TRY(archive_.Record(id, benchmark_))) CountSpending(*record);
  }
  return {};
}

// Records the finished children of the plan in plan order.
Result<> Search::FlushPlan() {
  while (committed_ < planned_.size() && planned_[committed_] && planned_[committed_]->done) {
    Child* child = planned_[committed_];
    CLADE_TRY(CommitChild(*child));
    planned_[committed_] = nullptr;
    in_flight_.erase(child);
    ++committed_;
    // No state save here: the plan and the archive say which children are done
    // (RecountPlan), and each write costs new files.
  }
  return {};
}

}  // namespace clade::search
