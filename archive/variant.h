// Plain data describing variants as the archive's index holds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "support/eval_status.h"

namespace clade::archive {

// Small dense integers: 0 is the seed, then 1, 2, ... in the order variants were added.
using VariantId = int;

struct Variant {
  VariantId id = 0;
  std::string commit;              // hex commit id
  std::string tree;                // hex tree id of the agent's source
  std::vector<VariantId> parents;  // first parent first; empty for the seed
  std::string summary;             // first line of the commit message
  std::string mutator;             // the Clade-Mutator trailer, or empty
  int64_t time = 0;                // commit time, seconds since the epoch
  bool pruned = false;             // out of the parent pool (history kept)
};

// What a variant's evaluation record on one benchmark says of it: its status and score.
struct RecordSummary {
  std::optional<EvalStatus> status;  // none: the variant has no record on the benchmark
  std::optional<double> score;       // record "score" if it is a number
};

// The status as the commands and the report show it: its name, or "not_evaluated" when
// there is no record.
inline std::string StatusText(const RecordSummary& summary) {
  return summary.status ? std::string(EvalStatusName(*summary.status)) : "not_evaluated";
}

// The variant with status evaluated and the highest score, the lowest id on a tie; none
// when no variant is evaluated with a score. The one definition of "best": Archive::Best,
// `clade tree`, `show best` and the report all use it.
inline std::optional<VariantId> BestOf(const std::vector<RecordSummary>& outcomes) {
  std::optional<VariantId> best;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const RecordSummary& outcome = outcomes[i];
    // Failures and partial (below_threshold) evaluations are never the best.
    if (outcome.status != EvalStatus::kEvaluated || !outcome.score) continue;
    if (!best || *outcome.score > *outcomes[static_cast<size_t>(*best)].score) {
      best = static_cast<VariantId>(i);
    }
  }
  return best;
}

}  // namespace clade::archive
