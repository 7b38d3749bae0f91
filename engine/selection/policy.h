// Selection policies: which variants become the parents of the next children. Each policy
// is a small stateless class behind SelectionPolicy, chosen by name (MakePolicy); the
// formulas are in docs/selection.md.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/selection/candidate.h"
#include "engine/selection/rng.h"
#include "support/error.h"

namespace clade::selection {

// Options of all policies; each policy reads only its own.
struct SelectionOptions {
  // dgm: p_i ∝ sigmoid(lambda * (s_i - s0)) / (1 + n_i).
  double lambda = 10.0;
  double midpoint = 0.5;            // s0, unless top_three_midpoint
  bool top_three_midpoint = false;  // s0 = mean of the three highest eligible scores
  // tournament: contestants drawn (with replacement) per pick.
  size_t tournament_size = 3;
  // hgm: a descendant that failed (built no scored variant) counts as one loss.
  bool hgm_failures_are_losses = true;
};

class SelectionPolicy {
 public:
  virtual ~SelectionPolicy() = default;

  // The policy's name, as given to MakePolicy.
  virtual std::string_view name() const = 0;

  // Picks `count` parent ids from the eligible candidates of `pool` (IsEligible: evaluated,
  // scored, unpruned); an id may appear more than once unless the policy says otherwise.
  // Deterministic for a given pool, count and RNG state; draws only from `rng`.
  // Returns an empty list when count is 0. Error when no candidate is eligible.
  // REQUIRES: ids in `pool` are unique.
  virtual Result<std::vector<int>> Select(const std::vector<Candidate>& pool, size_t count,
                                          Rng& rng) const = 0;
};

// The names MakePolicy knows, sorted.
const std::vector<std::string>& KnownPolicies();

// The policy called `name`. Error (kUsage) naming an unknown policy and listing the known
// ones, or naming an option out of range (lambda <= 0, tournament_size 0, ...).
Result<std::unique_ptr<SelectionPolicy>> MakePolicy(std::string_view name,
                                                    const SelectionOptions& options = {});

// For policies: the eligible candidates of `pool`, or the error every policy returns when
// there are none ("selection policy 'x': no variant can be a parent ...").
Result<std::vector<const Candidate*>> EligibleOrFail(const std::vector<Candidate>& pool,
                                                     std::string_view policy);

}  // namespace clade::selection
