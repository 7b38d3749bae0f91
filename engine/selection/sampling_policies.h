// The simple stochastic policies. Each pick is independent (sampling with replacement).
//   score_prop: p_i ∝ max(s_i, 0); uniform when every score is 0.
//   random:     uniform over the eligible variants.
//   tournament: draw `size` eligible variants uniformly with replacement, keep the best
//               (highest score, then lower id).
#pragma once

#include "engine/selection/policy.h"

namespace clade::selection {

class ScorePropPolicy : public SelectionPolicy {
 public:
  std::string_view name() const override { return "score_prop"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;
};

class RandomPolicy : public SelectionPolicy {
 public:
  std::string_view name() const override { return "random"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;
};

class TournamentPolicy : public SelectionPolicy {
 public:
  // REQUIRES: size >= 1.
  explicit TournamentPolicy(size_t size) : size_(size) {}
  std::string_view name() const override { return "tournament"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;

 private:
  size_t size_;
};

}  // namespace clade::selection
