// Small builders of candidate pools and frequency counting for the selection tests.
#pragma once

#include <map>
#include <vector>

#include "engine/selection/candidate.h"
#include "engine/selection/policy.h"

namespace clade::selection::testing {

using ::clade::EvalStatus;

inline Candidate Scored(int id, double score, std::vector<int> parents = {},
                        int children_built = 0) {
  Candidate c;
  c.id = id;
  c.parents = std::move(parents);
  c.status = EvalStatus::kEvaluated;
  c.score = score;
  c.children_built = children_built;
  c.order = id;
  return c;
}

inline Candidate Failed(int id, EvalStatus status, std::vector<int> parents = {}) {
  Candidate c;
  c.id = id;
  c.parents = std::move(parents);
  c.status = status;
  c.order = id;
  return c;
}

inline Candidate Pruned(int id, double score, std::vector<int> parents = {}) {
  Candidate c = Scored(id, score, std::move(parents));
  c.pruned = true;
  return c;
}

// The fraction of `picks` equal to each id.
inline std::map<int, double> Frequencies(const std::vector<int>& picks) {
  std::map<int, double> out;
  for (int id : picks) out[id] += 1.0 / static_cast<double>(picks.size());
  return out;
}

}  // namespace clade::selection::testing
