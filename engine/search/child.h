// One child's life, as types: what the mutator proposed, what its evaluation gave, and how
// both become a variant (a commit) and its evaluation record. The steps are written once
// here and used by `clade run` (engine/search/search.h, whatever executor evaluates the
// child) and by `clade mutate --apply` (engine/cli/mutate_command.cc), so a child looks the
// same in the archive whichever made it (docs/archive.md, docs/evaluation.md).
//
//   proposed   mutation::ChildProposal  (Mutator::Propose, ApplyProposal)
//   evaluated  sandbox::Evaluation      (Executor::Evaluate), or a record found in the archive
//   ended      ChildResult              (Status() says which of the ends it reached)
//   recorded   RecordChild: the commit (ChildVariant), its logs, its record (RecordOf)
//
// Thread safety: plain data and functions of their arguments, except RecordChild, which
// writes the archive (the archive's thread only).
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "engine/mutation/mutator.h"
#include "engine/search/validation.h"
#include "sandbox/evaluator.h"
#include "support/error.h"
#include "support/eval_status.h"

namespace clade::search {

// Writes the proposal's changed and added files into `dir` (a copy of the parent, which
// becomes the child) and removes its deleted ones. Errors: a file cannot be written.
Result<> ApplyProposal(const std::filesystem::path& dir, const mutation::ChildProposal& proposal);

// The parents of a child of `parent`: `parent` first, then the proposal's other parents (a
// crossover's donor) that are variants of `archive`, each once (docs/selection.md).
std::vector<archive::VariantId> ChildParents(const archive::Archive& archive,
                                             archive::VariantId parent,
                                             const mutation::ChildProposal& proposal);

// The commit of a child whose source tree is `tree`: its parents, the proposal's summary
// (or `mutator` when it has none), details and trailers.
archive::NewVariant ChildVariant(const archive::Archive& archive, archive::VariantId parent,
                                 const std::string& tree, const mutation::ChildProposal& proposal,
                                 std::string_view mutator);

// The logs a proposal leaves: mutation/record.json (its record) and mutation/<name> for
// each of its logs (prompts, responses).
std::map<std::string, std::string> MutationLogs(const mutation::ChildProposal& proposal);

// A child's validation (evaluation.validation, validation.h): the verdict, and the child's
// evaluation on the validation tasks when it was run now (recorded with the child).
struct ChildValidation {
  std::string key;  // the child's EvaluationKey on the validation suite
  std::optional<sandbox::Evaluation> evaluation;  // none: a record was found in the archive
  Validation verdict;
};

// How one child's life ended: the one result the pipeline records, whatever the end.
struct ChildResult {
  archive::VariantId parent = 0;
  uint64_t seed = 0;      // the mutation's seed (Clade-Seed)
  int64_t iteration = 0;  // 1-based; 0 for the seed agent
  std::optional<int> island;  // with search.islands > 1: the island it joins
  std::string mutator;    // the mutator's name (gi, llm, self; "seed")
  std::string model;      // the ensemble's model that made it (RunConfig::models); "" for gi
  // The mutator's proposal, or why there is no child: ErrorKind::kNoChild (no valid edit,
  // nothing changed) or an infrastructure failure (a model outage).
  Result<mutation::ChildProposal> proposal = Fail("not proposed");
  std::string tree;  // the child's source tree (hex), once proposed
  // mutation::TokenTreeHash of its source, once proposed ("" when it could not be read)
  std::string token_hash;
  // The variant it duplicates (search.duplicates: reject): recorded, never evaluated.
  std::optional<archive::VariantId> duplicate_of;
  std::string key;   // its evaluation key (EvaluationKey), once evaluation began
  // The executor's evaluation, or the error that stopped it; none when it was not run.
  std::optional<Result<sandbox::Evaluation>> evaluation;
  // The record of an identical evaluation already in the archive (never evaluate twice).
  std::optional<nlohmann::json> cached;
  // With evaluation.validation, for the seed and a child that beat its parent.
  std::optional<ChildValidation> validation;

  // Which end it reached: mutation_failed or error without a proposal; tampered when the
  // mutator's run changed what it must not (never evaluated); duplicate; the cached
  // record's status;
  // error when the evaluation could not run; else the evaluation's status.
  EvalStatus Status() const;
};

// Where a record is kept and what run it belongs to.
struct RecordContext {
  std::string benchmark;
  std::string run;  // the run's name
  bool memory = false;  // write the child's lesson (run_memory.h; run config `memory`)
};

// The evaluation record of `result` for `variant` (docs/evaluation.md): the evaluator's
// fields (or the cached record's, with cached_from), status, score, benchmark, variant,
// parents, tree, token_hash, duplicate_of (a duplicate), mutation (with tokens and cost
// when the mutator spent any, and the model when one made it), island, validation
// (the verdict, when validated), iteration and run; an `error` sentence for
// mutation_failed and error.
nlohmann::json RecordOf(const ChildResult& result, const archive::Variant& variant,
                        const RecordContext& context);

struct RecordedChild {
  archive::VariantId id = 0;
  nlohmann::json record;
  std::optional<mutation::Lesson> lesson;  // with context.memory, for a child (not the seed)
};

// Records `result`: adds its variant (unless `existing` names the variant a crash left
// without a record; a child with no proposal is a commit of the parent's tree), then its
// logs (mutation and evaluation), its validation record (on the validation benchmark, when
// run now), its lesson (with context.memory) and last its record, so a record always
// means the rest is there. Errors: the archive cannot be written.
Result<RecordedChild> RecordChild(archive::Archive& archive, const ChildResult& result,
                                  const RecordContext& context,
                                  std::optional<archive::VariantId> existing = std::nullopt);

}  // namespace clade::search
