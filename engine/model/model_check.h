// Is the configured model reachable? One small call, for `clade doctor`.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "engine/model/model_config.h"

namespace clade::model {

struct ModelCheck {
  bool ok = false;
  double seconds = 0;
  std::string message;  // "answered in 0.4 s (12 tokens)", or the error sentence

  // {"provider", "name", "endpoint", "ok", "seconds", "message"}
  nlohmann::json ToJson(const ModelConfig& config) const;
};

// Asks the model for a one-word answer: no cache, no retries, at most `timeout_seconds`.
// Never fails: an unreachable model is a ModelCheck with ok = false. The key is read from
// config.api_key_env as for a run.
ModelCheck CheckModel(ModelConfig config, double timeout_seconds = 20);

}  // namespace clade::model
