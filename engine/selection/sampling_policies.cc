#include "engine/selection/sampling_policies.h"

#include <algorithm>

namespace clade::selection {

Result<std::vector<int>> ScorePropPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                                 Rng& rng) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  std::vector<double> weights;
  double total = 0;
  for (const Candidate* c : eligible) {
    weights.push_back(std::max(0.0, ScoreOf(*c)));
    total += weights.back();
  }
  if (!(total > 0)) std::fill(weights.begin(), weights.end(), 1.0);
  std::vector<int> picks;
  for (size_t i = 0; i < count; ++i) picks.push_back(eligible[WeightedIndex(rng, weights)]->id);
  return picks;
}

Result<std::vector<int>> RandomPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                              Rng& rng) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  std::vector<int> picks;
  for (size_t i = 0; i < count; ++i)
    picks.push_back(eligible[UniformIndex(rng, eligible.size())]->id);
  return picks;
}

Result<std::vector<int>> TournamentPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                                  Rng& rng) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  std::vector<int> picks;
  for (size_t i = 0; i < count; ++i) {
    const Candidate* winner = eligible[UniformIndex(rng, eligible.size())];
    for (size_t j = 1; j < size_; ++j) {
      const Candidate* rival = eligible[UniformIndex(rng, eligible.size())];
      if (BetterThan(*rival, *winner)) winner = rival;
    }
    picks.push_back(winner->id);
  }
  return picks;
}

}  // namespace clade::selection
