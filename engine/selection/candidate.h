// A variant as selection and pruning see it: plain data copied out of the archive, so the
// policies are fast and testable without one.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "support/eval_status.h"

namespace clade::selection {

struct Candidate {
  int id = 0;
  std::vector<int> parents;     // ids; empty for a seed
  // evaluated, below_threshold (scored on the first stages only: not a parent, but a built
  // child of its parent), a failure, or none (no record yet)
  std::optional<EvalStatus> status;
  std::optional<double> score;  // in [0, 1] when evaluated
  int children_built = 0;       // children of this variant that built
  bool pruned = false;
  int64_t order = 0;  // creation order: larger is newer
};

// True when `c` may be a parent: evaluated, scored and not pruned.
bool IsEligible(const Candidate& c);

// The eligible candidates of `pool`, in pool order. Pointers into `pool`.
std::vector<const Candidate*> EligibleCandidates(const std::vector<Candidate>& pool);

// The score of an eligible candidate (REQUIRES: IsEligible(c)).
inline double ScoreOf(const Candidate& c) {
  return *c.score;
}

// Strict weak order "better first": higher score, then lower id.
bool BetterThan(const Candidate& a, const Candidate& b);

}  // namespace clade::selection
