// The deterministic policies; they draw nothing from the RNG.
//   best:   the top `count` eligible variants, highest score first, ties by lower id. When
//           count exceeds the eligible variants, the ranking repeats from the top, so the
//           caller always gets `count` parents.
//   greedy: `count` copies of the newest variant among those with the highest score
//           (largest order, then larger id): the DGM ablation without open-ended
//           exploration, which always builds on the latest best.
#pragma once

#include "engine/selection/policy.h"

namespace clade::selection {

class BestPolicy : public SelectionPolicy {
 public:
  std::string_view name() const override { return "best"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;
};

class GreedyPolicy : public SelectionPolicy {
 public:
  std::string_view name() const override { return "greedy"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;
};

}  // namespace clade::selection
