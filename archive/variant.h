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
  // The record's validation.confirmed (a run with evaluation.validation,
  // docs/evaluation.md): true for the seed and for a child that beat its parent and was
  // not worse on the validation tasks; false when that check failed; none when the record
  // has no validation (the run had none, or the child did not beat its parent).
  std::optional<bool> confirmed;
  std::optional<double> validation_score;  // its mean on the validation tasks
  std::optional<double> p_worse;           // the paired test's against its parent
  // The record's score_stderr: the standard error of `score` when tasks were repeated
  // (evaluation.repeats, docs/evaluation.md "Repeats").
  std::optional<double> score_stderr;
};

// The status as the commands and the report show it: its name, or "not_evaluated" when
// there is no record.
inline std::string StatusText(const RecordSummary& summary) {
  return summary.status ? std::string(EvalStatusName(*summary.status)) : "not_evaluated";
}

// The variant with status evaluated and the highest score, the lowest id on a tie; none
// when no variant is evaluated with a score. When any record was validated (a run with
// evaluation.validation), only confirmed variants and the seed (variant 0, the baseline)
// count: confirmation before promotion.
// The one definition of "best": Archive::Best, `clade tree`, `show best` and the report
// all use it.
inline std::optional<VariantId> BestOf(const std::vector<RecordSummary>& outcomes) {
  bool validated = false;
  for (const RecordSummary& outcome : outcomes) validated = validated || outcome.confirmed;
  std::optional<VariantId> best;
  for (size_t i = 0; i < outcomes.size(); ++i) {
    const RecordSummary& outcome = outcomes[i];
    // Failures and partial (below_threshold) evaluations are never the best.
    if (outcome.status != EvalStatus::kEvaluated || !outcome.score) continue;
    if (validated && i != 0 && outcome.confirmed != true) continue;
    if (!best || *outcome.score > *outcomes[static_cast<size_t>(*best)].score) {
      best = static_cast<VariantId>(i);
    }
  }
  return best;
}

}  // namespace clade::archive
