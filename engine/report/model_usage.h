// What each model of a run's ensemble (docs/models.md, `models:`) has spent and earned,
// from the records: the llm and self mutators' calls, tokens and cost, the children each
// model made, and how many of those were evaluated with a score above their parent's.
// Shown by `clade status` (JSON key `models`), at the end of `clade run` and in the report.
//
// Thread safety: uses the Archive, so it runs on the archive's thread.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "support/error.h"

namespace clade::report {

struct ModelUsage {
  std::string name;           // the model's `name`, as the records' mutation.model
  int64_t children = 0;       // children it made, every status counted
  int64_t improvements = 0;   // of them, evaluated on every task with a score above the parent's
  int64_t calls = 0;          // provider calls (answers from the response cache not counted)
  int64_t tokens = 0;
  double cost = 0;            // in the price unit of the model's config
};

// One entry per model: first those of `names` in that order (the run's `models`, from the
// run state; each listed even with no child yet), then any other model a record names, in
// the order of first appearance. Empty when no record names a model (gi runs).
Result<std::vector<ModelUsage>> ModelUsages(archive::Archive& archive, const std::string& benchmark,
                                            const std::vector<std::string>& names);

// The same, kept current one record at a time, for a reader that follows a running search
// (`clade serve`): Update reads one variant's record, Usages adds up what was read (no
// record read). ModelUsages is a tally updated with every variant.
class ModelTally {
 public:
  // Reads the model usage of variant `id`'s record on `benchmark` (again, when it changed).
  Result<> Update(archive::Archive& archive, const std::string& benchmark, archive::VariantId id);
  // As ModelUsages. REQUIRES: every variant with a record was updated since it was written.
  Result<std::vector<ModelUsage>> Usages(archive::Archive& archive, const std::string& benchmark,
                                         const std::vector<std::string>& names) const;

 private:
  struct Spent {
    std::string model;
    int64_t calls = 0;
    int64_t tokens = 0;
    double cost = 0;
  };
  std::vector<std::optional<Spent>> spent_;  // by variant id; nullopt: no model named
};

// The run's models in config order, as its saved state's fingerprint lists them (empty
// for a run with one model or none).
std::vector<std::string> EnsembleNames(const nlohmann::json& run_state);

// [{"name", "children", "improvements", "calls", "tokens", "cost"}, ...]
nlohmann::json ModelUsageJson(const std::vector<ModelUsage>& usages);

// "small: 6 children (1 better), 12 calls, 20.1k tokens, cost 0.0312".
std::string ModelUsageLine(const ModelUsage& usage);

}  // namespace clade::report
