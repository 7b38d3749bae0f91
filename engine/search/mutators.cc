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

Result<std::vector<std::unique_ptr<mutation::Mutator>>> MakeMutators(
    const RunConfig& config, const std::vector<std::shared_ptr<model::ModelClient>>& clients,
    const sandbox::HarnessOptions& harness) {
  std::vector<std::unique_ptr<mutation::Mutator>> mutators;
  if (config.mutator == "gi") {
    mutators.push_back(CLADE_TRY(MakeGi(config)));
    return mutators;
  }
  if (clients.empty()) {
    return FailAs(ErrorKind::kUsage, "{}: mutator '{}' needs a 'model' or 'models' section",
                  config.file.string(), config.mutator);
  }
  for (const std::shared_ptr<model::ModelClient>& client : clients) {
    mutators.push_back(CLADE_TRY(model::MakeModelMutator(config.mutator, client, harness)));
  }
  return mutators;
}

}  // namespace clade::search
