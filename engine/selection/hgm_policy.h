// The Huxley-Gödel Machine's parent selection (Wang et al. 2025): Thompson sampling on the
// clade-metaproductivity of each variant, i.e. on how well its whole clade (itself and all
// its descendants) has done. For each eligible variant i, draw θ_i ~ Beta(1 + W_i, 1 + L_i)
// with W_i, L_i pooled over the clade, and pick the largest θ_i. Every pick is a fresh
// draw, so the same variant can be picked again.
//
// Pooling: a scored variant (evaluated, pruned or not) contributes its score s, clamped to
// [0, 1], as s wins and 1 - s losses; a variant that failed (any status but "evaluated":
// build failure, timeout, failed mutation) contributes one loss when failures_are_losses,
// nothing otherwise. A descendant reached along several parent paths counts once.
#pragma once

#include <unordered_map>

#include "engine/selection/policy.h"

namespace clade::selection {

struct CladeTally {
  double wins = 0;
  double losses = 0;
};

// The pooled tally of the clade of every eligible candidate, by id. Parent ids that are not
// in `pool` are ignored. Linear when every variant has at most one parent in the pool.
std::unordered_map<int, CladeTally> CladeTallies(const std::vector<Candidate>& pool,
                                                 bool failures_are_losses);

class HgmPolicy : public SelectionPolicy {
 public:
  explicit HgmPolicy(bool failures_are_losses) : failures_are_losses_(failures_are_losses) {}
  std::string_view name() const override { return "hgm"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;

 private:
  bool failures_are_losses_;
};

}  // namespace clade::selection
