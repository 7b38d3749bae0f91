#include "engine/model/model_mutators.h"

#include "engine/model/llm_mutator.h"
#include "engine/model/self_mutator.h"

namespace clade::model {

Result<std::unique_ptr<mutation::Mutator>> MakeModelMutator(
    std::string_view name, std::shared_ptr<ModelClient> client,
    const sandbox::HarnessOptions& harness) {
  if (name != "llm" && name != "self") {
    return FailAs(ErrorKind::kUsage, "unknown model mutator '{}' (expected llm or self)", name);
  }
  Prompts prompts = CLADE_TRY(Prompts::Load(client->config().prompts));
  if (name == "llm") return std::make_unique<LlmMutator>(std::move(client), std::move(prompts));
  return std::make_unique<SelfMutator>(std::move(client), std::move(prompts), harness);
}

Result<std::unique_ptr<mutation::Mutator>> MakeModelMutator(
    std::string_view name, const ModelConfig& config, const sandbox::HarnessOptions& harness) {
  std::shared_ptr<ModelClient> client = CLADE_TRY(ModelClient::Create(config));
  return MakeModelMutator(name, std::move(client), harness);
}

}  // namespace clade::model
