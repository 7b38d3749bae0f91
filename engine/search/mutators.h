// The mutator a run configuration names (`mutator: gi | llm | self`), ready for the loop.
#pragma once

#include <memory>

#include "engine/model/model_client.h"
#include "engine/mutation/mutator.h"
#include "sandbox/harness.h"
#include "engine/search/run_config.h"
#include "support/error.h"

namespace clade::search {

// The run's mutators: for gi one; for llm and self one per model of config.models, in
// order, each with its client (`clients`, one per model, as made by ModelClient::Create).
// Errors (kUsage) name the config file when a mutator cannot be made from it; `harness`
// is for `self`.
Result<std::vector<std::unique_ptr<mutation::Mutator>>> MakeMutators(
    const RunConfig& config, const std::vector<std::shared_ptr<model::ModelClient>>& clients,
    const sandbox::HarnessOptions& harness);

}  // namespace clade::search
