#include "engine/selection/ranking_policies.h"

#include <algorithm>

namespace clade::selection {

Result<std::vector<int>> BestPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                            Rng& /*rng*/) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  const size_t ranked = std::min(count, eligible.size());
  std::partial_sort(eligible.begin(), eligible.begin() + ranked, eligible.end(),
                    [](const Candidate* a, const Candidate* b) { return BetterThan(*a, *b); });
  std::vector<int> picks;
  for (size_t i = 0; i < count; ++i) picks.push_back(eligible[i % ranked]->id);
  return picks;
}

Result<std::vector<int>> GreedyPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                              Rng& /*rng*/) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  const Candidate* pick = eligible.front();
  for (const Candidate* c : eligible) {
    if (ScoreOf(*c) != ScoreOf(*pick)) {
      if (ScoreOf(*c) > ScoreOf(*pick)) pick = c;
      continue;
    }
    if (c->order != pick->order ? c->order > pick->order : c->id > pick->id) pick = c;
  }
  return std::vector<int>(count, pick->id);
}

}  // namespace clade::selection
