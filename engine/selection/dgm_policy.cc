#include "engine/selection/dgm_policy.h"

#include <algorithm>
#include <cmath>
#include <functional>

namespace clade::selection {

double DgmMidpoint(const std::vector<const Candidate*>& eligible, const SelectionOptions& options) {
  if (!options.top_three_midpoint) return options.midpoint;
  std::vector<double> scores;
  for (const Candidate* c : eligible) scores.push_back(ScoreOf(*c));
  const size_t top = std::min<size_t>(3, scores.size());
  std::partial_sort(scores.begin(), scores.begin() + top, scores.end(), std::greater<>());
  double sum = 0;
  for (size_t i = 0; i < top; ++i) sum += scores[i];
  return sum / static_cast<double>(top);
}

std::vector<double> DgmWeights(const std::vector<const Candidate*>& eligible,
                               const SelectionOptions& options) {
  const double s0 = DgmMidpoint(eligible, options);
  std::vector<double> weights;
  weights.reserve(eligible.size());
  for (const Candidate* c : eligible) {
    const double sigmoid = 1 / (1 + std::exp(-options.lambda * (ScoreOf(*c) - s0)));
    weights.push_back(sigmoid / (1 + std::max(0, c->children_built)));
  }
  return weights;
}

Result<std::vector<int>> DgmPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                           Rng& rng) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  std::vector<double> weights = DgmWeights(eligible, options_);
  // The sigmoid underflows to 0 only for scores far below s0; if every weight does, no
  // variant is preferred and the draw is uniform.
  double total = 0;
  for (double w : weights) total += w;
  if (!(total > 0)) std::fill(weights.begin(), weights.end(), 1.0);
  std::vector<int> picks;
  for (size_t i = 0; i < count; ++i) picks.push_back(eligible[WeightedIndex(rng, weights)]->id);
  return picks;
}

}  // namespace clade::selection
