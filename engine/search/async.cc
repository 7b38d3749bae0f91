#include "engine/search/budget.h"
#include "engine/search/search_loop.h"

namespace clade::search {

using archive::VariantId;

Result<> Search::RunAsync() {
  int64_t per_iteration = config_.ChildrenPerIteration();
  int64_t index = state_.children;
  while (true) {
    while (static_cast<int>(in_flight_.size()) < MaxInFlight() && !Stopping() && !TooManyErrors() &&
           !AsyncBudgetSpent(per_iteration)) {
      std::vector<PlannedChild> drawn = CLADE_TRY(Draw(1, index));
      auto child = NewChild(index / per_iteration, static_cast<size_t>(index), drawn.at(0));
      ++index;
      CLADE_TRY(StartChild(std::move(child)));
    }
    if (in_flight_.empty() || Abandoning()) break;
    CLADE_TRY(Wait());
  }
  if (auto spent = BudgetSpent(); spent && reason_.empty()) reason_ = *spent;
  return {};
}

bool Search::AsyncBudgetSpent(int64_t per_iteration) {
  int64_t started = state_.children + static_cast<int64_t>(in_flight_.size());
  if (config_.budget.variants && started >= *config_.budget.variants) return true;
  if (config_.budget.iterations && started >= *config_.budget.iterations * per_iteration) {
    return true;
  }
  if (!in_flight_.empty()) return SpendingBudgetSpent().has_value();
  return BudgetSpent().has_value();
}

Result<> Search::CommitAsync(Child& child) {
  CLADE_TRY(CommitChild(child));
  VariantId id = static_cast<VariantId>(archive_.size()) - 1;
  in_flight_.erase(&child);
  CLADE_TRY(Prune({id}));
  int64_t per_iteration = config_.ChildrenPerIteration();
  state_.iterations = state_.children / per_iteration;
  return SaveState();
}

}  // namespace clade::search
