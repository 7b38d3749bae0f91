#include "engine/search/mutators.h"

#include "engine/model/model_mutators.h"
#include "engine/mutation/gi_child_mutator.h"

namespace clade::search {

namespace {

Result<std::unique_ptr<mutation::Mutator>> MakeGi(const RunConfig& config) {
  mutation::GiChildOptions options;
  options.max_operators = config.gi.max_operators;
  options.crossover_rate = config.gi.crossover_rate;
  options.max_attempts = config.gi.max_attempts;
  options.focus = config.gi.focus;
  for (const std::string& name : config.gi.operators) {
    options.operators.push_back(*mutation::GiOperatorFromName(name));  // checked on load
  }
  return std::make_unique<mutation::GiChildMutator>(std::move(options));
}

}  // namespace

Result<std::unique_ptr<mutation::Mutator>> MakeMutator(
    const RunConfig& config, std::shared_ptr<model::ModelClient> client,
    const sandbox::HarnessOptions& harness) {
  if (config.mutator == "gi") return MakeGi(config);
  if (!client) {
    return FailAs(ErrorKind::kUsage, "{}: mutator '{}' needs a 'model' section",
                  config.file.string(), config.mutator);
  }
  return model::MakeModelMutator(config.mutator, std::move(client), harness);
}

}  // namespace clade::search
