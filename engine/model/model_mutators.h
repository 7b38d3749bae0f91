// Making the model mutators for the search loop and `clade mutate`.
//
//   ModelConfig config = CLADE_TRY(LoadModelConfig(run.file, run.model));
//   auto client = CLADE_TRY(ModelClient::Create(config));   // shared with ModelProxy
//   auto mutator = CLADE_TRY(MakeModelMutator("llm", client, harness));
#pragma once

#include <memory>
#include <string_view>

#include "engine/model/model_client.h"
#include "engine/model/model_config.h"
#include "engine/mutation/mutator.h"
#include "sandbox/harness.h"

namespace clade::model {

// "llm" or "self", with templates from config.prompts (or the built-in ones).
// `harness` is used by self only (isolation, hidden paths, build limits).
// Errors (kUsage): another name, a bad prompt directory.
Result<std::unique_ptr<mutation::Mutator>> MakeModelMutator(
    std::string_view name, std::shared_ptr<ModelClient> client,
    const sandbox::HarnessOptions& harness = {});

// The same with a client of its own (ModelClient::Create: the key is read here).
Result<std::unique_ptr<mutation::Mutator>> MakeModelMutator(
    std::string_view name, const ModelConfig& config, const sandbox::HarnessOptions& harness = {});

}  // namespace clade::model
