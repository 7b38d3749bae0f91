// The mutator a run configuration names (`mutator: gi | llm | self`), ready for the loop.
#pragma once

#include <memory>

#include "engine/model/model_client.h"
#include "engine/mutation/mutator.h"
#include "sandbox/harness.h"
#include "engine/search/run_config.h"
#include "support/error.h"

namespace clade::search {

// Errors (kUsage) name the config file when the mutator cannot be made from it. `client`
// is the run's model client (null without a model section); `harness` is for `self`.
Result<std::unique_ptr<mutation::Mutator>> MakeMutator(
    const RunConfig& config, std::shared_ptr<model::ModelClient> client,
    const sandbox::HarnessOptions& harness);

}  // namespace clade::search
