#include "engine/model/model_check.h"

#include <chrono>

#include <fmt/format.h>

#include "engine/model/model_client.h"

namespace clade::model {

nlohmann::json ModelCheck::ToJson(const ModelConfig& config) const {
  return {{"provider", ProviderName(config.provider)},
          {"name", config.name},
          {"endpoint", config.Endpoint()},
          {"ok", ok},
          {"seconds", seconds},
          {"message", message}};
}

ModelCheck CheckModel(ModelConfig config, double timeout_seconds) {
  config.cache.clear();  // a check must reach the model itself
  config.offline = false;
  config.retries = 0;
  config.budget_tokens.reset();
  config.budget_money.reset();
  config.timeout_seconds = timeout_seconds;
  config.connect_timeout_seconds = std::min(config.connect_timeout_seconds, timeout_seconds);
  ModelCheck check;
  Result<std::shared_ptr<ModelClient>> client = ModelClient::Create(config);
  if (!client) {
    check.message = client.error().message;
    return check;
  }
  auto start = std::chrono::steady_clock::now();
  Result<ChatResponse> answer =
      (*client)->Chat({.messages = {{"user", "Reply with the single word OK."}}, .max_tokens = 8});
  check.seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  if (!answer) {
    check.message = answer.error().message;
    return check;
  }
  check.ok = true;
  check.message =
      fmt::format("answered in {:.1f} s ({} tokens)", check.seconds, answer->usage.total());
  return check;
}

}  // namespace clade::model
