// Plain data describing variants as the archive's index holds them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// A variant's result on one benchmark, as read from its evaluation record.
struct Outcome {
  std::string status;           // record "status"; empty if the variant has no record
  std::optional<double> score;  // record "score" if it is a number
};

// The variant with status "evaluated" and the highest score, the lowest id on a tie; none
// when no variant is evaluated with a score. The one definition of "best": Archive::Best,
// `clade tree`, `show best` and the report all use it.
inline std::optional<VariantId> BestOf(const std::vector<Outcome>& outcomes) {
  std::optional<VariantId> best;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const Outcome& outcome = outcomes[i];
    if (outcome.status != "evaluated" || !outcome.score) continue;  // failures score nothing
    if (!best || *outcome.score > *outcomes[static_cast<size_t>(*best)].score) {
      best = static_cast<VariantId>(i);
    }
  }
  return best;
}

}  // namespace clade::archive
