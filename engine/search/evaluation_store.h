// Storing evaluations in the archive, shared by `clade eval`, `clade run` and
// `clade replay`: the record (a note on refs/notes/clade/<suite>), the logs, and the rule
// that a source tree already evaluated the same way is never evaluated again.
//
// Thread safety: as the archive's (one thread).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "sandbox/evaluator.h"
#include "support/error.h"

namespace clade::search {

// Identical evaluations share a key: the source tree, the suite's content hash, the task
// limit (0: all) and the stages, or the parent's scores when the parent gate replaces them
// (sandbox::EvalOptions::parent_scores), and the repeats when tasks run more than once.
std::string EvaluationKey(const std::string& tree, const std::string& suite_hash, size_t max_tasks,
                          const std::vector<sandbox::Stage>& stages = {},
                          const std::optional<std::map<std::string, double>>& parent_scores = {},
                          const sandbox::Repeats& repeats = {});

// A record on `suite` with `key` of any variant whose tree is `tree`, or nullopt.
Result<std::optional<nlohmann::json>> FindEvaluation(archive::Archive& archive,
                                                     const std::string& tree,
                                                     const std::string& suite,
                                                     const std::string& key);

// The record of `evaluation` for variant `id`: the evaluator's fields plus variant,
// parents, tree and cache_key.
nlohmann::json MakeRecord(const archive::Variant& variant, const sandbox::Evaluation& evaluation,
                          const std::string& key);

// A variant's mutation, for the "mutation" of an evaluation record: the log
// mutation/record.json its mutator stored (`clade mutate --apply`), else the "mutation" of a
// record it already has on any benchmark when that says more than the mutator's name (what
// `clade run` stored), else what its commit trailers say (Clade-Mutator, Clade-Seed,
// Clade-Donor, one JSON edit per Clade-Edit), else {"mutator": variant.mutator} ("" for a
// seed). Errors: the log or a record cannot be read.
Result<nlohmann::json> MutationRecord(archive::Archive& archive, const archive::Variant& variant);

// Each task's log under its log name, eval/<suite>/<task>.log.
std::map<std::string, std::string> TaskLogs(const sandbox::Evaluation& evaluation);

// Stores the build log and each task's log as the variant's logs, beside `extra` ones.
Result<> StoreEvaluationLogs(archive::Archive& archive, archive::VariantId id,
                             const sandbox::Evaluation& evaluation,
                             const std::map<std::string, std::string>& extra = {});

}  // namespace clade::search
