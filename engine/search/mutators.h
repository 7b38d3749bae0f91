// The mutator a run configuration names (`mutator: gi | llm | self`), ready for the loop.
#pragma once

#include <memory>

#include "engine/mutation/mutator.h"
#include "engine/search/run_config.h"
#include "support/error.h"

namespace clade::search {

// Errors (kUsage) name the config file when the mutator cannot be made from it.
Result<std::unique_ptr<mutation::Mutator>> MakeMutator(const RunConfig& config);

}  // namespace clade::search
