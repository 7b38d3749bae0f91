#include "engine/selection/candidate.h"

#include <cmath>

namespace clade::selection {

bool IsEligible(const Candidate& c) {
  // A NaN score would poison every weighted draw; such a variant is treated as unscored.
  return c.status == EvalStatus::kEvaluated && !c.pruned && c.score.has_value() &&
         !std::isnan(*c.score);
}

std::vector<const Candidate*> EligibleCandidates(const std::vector<Candidate>& pool) {
  std::vector<const Candidate*> out;
  for (const Candidate& c : pool) {
    if (IsEligible(c)) out.push_back(&c);
  }
  return out;
}

bool BetterThan(const Candidate& a, const Candidate& b) {
  if (ScoreOf(a) != ScoreOf(b)) return ScoreOf(a) > ScoreOf(b);
  return a.id < b.id;
}

}  // namespace clade::selection
