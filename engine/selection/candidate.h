// A variant as selection and pruning see it: plain data copied out of the archive, so the
// policies are fast and testable without one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace clade::selection {

// The status of a variant that was built and scored. Every other status (build_failed,
// timeout, mutation_failed, ...) marks a variant that can never be a parent.
inline constexpr const char* kEvaluated = "evaluated";
// A variant that built and was scored on the first stages only (staged evaluation, or the
// parent gate's first part): not a parent, but a built child of its parent.
inline constexpr const char* kBelowThreshold = "below_threshold";

// True for a variant that built and was scored, on every stage or the first ones only: a
// built child of its parent (dgm's n_i), not a failure.
inline bool WasScored(const std::string& status) {
  return status == kEvaluated || status == kBelowThreshold;
}

struct Candidate {
  int id = 0;
  std::vector<int> parents;     // ids; empty for a seed
  std::string status;           // kEvaluated or a failure status
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
