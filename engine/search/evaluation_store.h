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

// The task outcomes a record lists (id, score, status, times, passed, failed, each run's
// score), without their logs. Errors (kUsage): `record` has no task list of that shape.
Result<std::vector<sandbox::TaskResult>> TasksOfRecord(const nlohmann::json& record);

// search.mode: tasks (docs/search.md, "Per-task scheduling"): the record of a variant
// evaluated a task at a time, after one more run `next` (an evaluation of some of its
// tasks). `record` (its record so far) with the tasks of both in suite order; the mean
// score and status below_threshold until all `suite_tasks` have run (then evaluated), or
// next's build failure or tampering with its score 0; summed task times and model use;
// per_task; cache_key `key` once complete, `key` + ":partial" before, so an incomplete
// record never stands in for an evaluation. Errors: as TasksOfRecord.
Result<nlohmann::json> AddTaskRun(const nlohmann::json& record, const sandbox::Evaluation& next,
                                  size_t suite_tasks, const std::string& key);

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
