// The Darwin Gödel Machine's parent selection (Zhang et al. 2025): a variant is picked with
// probability proportional to sigmoid(lambda * (s_i - s0)) / (1 + n_i), where s_i is its
// score and n_i the number of its children that built, so good variants are favoured and
// ones already explored often are tried less. Parents are sampled with replacement.
#pragma once

#include <vector>

#include "engine/selection/policy.h"

namespace clade::selection {

// s0: options.midpoint, or with top_three_midpoint the mean of the (up to) three highest
// scores among `eligible`. REQUIRES: eligible non-empty.
double DgmMidpoint(const std::vector<const Candidate*>& eligible, const SelectionOptions& options);

// The unnormalised weight of each of `eligible`, in order.
std::vector<double> DgmWeights(const std::vector<const Candidate*>& eligible,
                               const SelectionOptions& options);

class DgmPolicy : public SelectionPolicy {
 public:
  explicit DgmPolicy(const SelectionOptions& options) : options_(options) {}
  std::string_view name() const override { return "dgm"; }
  Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                  Rng& rng) const override;

 private:
  SelectionOptions options_;
};

}  // namespace clade::selection
