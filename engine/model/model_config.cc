#include "engine/model/model_config.h"

#include <cmath>

#include <fmt/format.h>

#include "support/yaml.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;

Result<std::optional<bool>> ReadBool(const fs::path& file, const YAML::Node& node,
                                     const char* key) {
  YAML::Node value = node[key];
  if (!value) return std::optional<bool>();
  bool flag = false;
  if (!value.IsScalar() || !YAML::convert<bool>::decode(value, flag)) {
    return FailAs(ErrorKind::kUsage, "{}: '{}' must be true or false", Where(file, value), key);
  }
  return std::optional<bool>(flag);
}

// A number that must be at least `min` (and a whole number when `integer`).
Result<std::optional<double>> ReadBounded(const fs::path& file, const YAML::Node& node,
                                          const char* key, double min, bool integer) {
  std::optional<double> value = CLADE_TRY(ReadNumber(file, node, key));
  if (!value) return value;
  if (!std::isfinite(*value) || *value < min || (integer && std::floor(*value) != *value)) {
    return FailAs(ErrorKind::kUsage, "{}: '{}' must be {} at least {}", Where(file, node[key]), key,
                  integer ? "a whole number" : "a number", min);
  }
  return value;
}

template <typename T>
Result<> Set(const fs::path& file, const YAML::Node& node, const char* key, double min, T* target) {
  constexpr bool kInteger = std::is_integral_v<T>;
  std::optional<double> value = CLADE_TRY(ReadBounded(file, node, key, min, kInteger));
  if (value) *target = static_cast<T>(*value);
  return {};
}

fs::path Resolve(const fs::path& config_file, const std::string& path) {
  fs::path p(path);
  if (p.is_absolute()) return p;
  return fs::absolute(config_file).parent_path() / p;
}

}  // namespace

std::string_view ProviderName(Provider provider) {
  return provider == Provider::kAnthropic ? "anthropic" : "openai";
}

std::string ModelConfig::Endpoint() const {
  return base_url + (provider == Provider::kAnthropic ? "/messages" : "/chat/completions");
}

Result<ModelConfig> LoadModelConfig(const fs::path& config_file, const YAML::Node& node) {
  if (!node || node.IsNull()) {
    return FailAs(ErrorKind::kUsage, "{}: the mutator needs a 'model' section (provider, name)",
                  config_file.string());
  }
  CLADE_TRY(CheckKeys(
      config_file, node, "model",
      {"provider",          "base_url",        "name",        "api_key_env",  "temperature",
       "max_tokens",        "connect_timeout", "timeout",     "retries",      "retry_base_seconds",
       "retry_max_seconds", "concurrency",     "price_input", "price_output", "budget_tokens",
       "budget_money",      "agent_tokens",    "cache",       "offline",      "prompts",
       "edit_retries",      "context_bytes",   "self_seconds"},
      {"provider", "name"}));
  ModelConfig config;
  config.file = config_file;
  std::string provider = CLADE_TRY(ReadString(config_file, node, "provider")).value();
  if (provider == "openai") {
    config.provider = Provider::kOpenAi;
    config.base_url = "https://api.openai.com/v1";
  } else if (provider == "anthropic") {
    config.provider = Provider::kAnthropic;
    config.base_url = "https://api.anthropic.com/v1";
  } else {
    return FailAs(ErrorKind::kUsage,
                  "{}: unknown model provider '{}' (expected openai or anthropic)",
                  Where(config_file, node["provider"]), provider);
  }
  config.name = CLADE_TRY(ReadString(config_file, node, "name")).value();
  if (config.name.empty()) {
    return FailAs(ErrorKind::kUsage, "{}: 'name' must name a model",
                  Where(config_file, node["name"]));
  }
  if (auto url = CLADE_TRY(ReadString(config_file, node, "base_url"))) {
    if (url->rfind("http://", 0) != 0 && url->rfind("https://", 0) != 0) {
      return FailAs(ErrorKind::kUsage, "{}: 'base_url' must start with http:// or https://",
                    Where(config_file, node["base_url"]));
    }
    while (!url->empty() && url->back() == '/') url->pop_back();
    config.base_url = *url;
  }
  if (auto env = CLADE_TRY(ReadString(config_file, node, "api_key_env"))) {
    // The key itself pasted here would end up in the archive's copy of the config.
    if (env->find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_") !=
        std::string::npos) {
      return FailAs(ErrorKind::kUsage,
                    "{}: 'api_key_env' must be the name of an environment variable, never the key",
                    Where(config_file, node["api_key_env"]));
    }
    config.api_key_env = *env;
  }
  if (auto t = CLADE_TRY(ReadBounded(config_file, node, "temperature", 0, false))) {
    config.temperature = *t;
  }
  CLADE_TRY(Set(config_file, node, "max_tokens", 1, &config.max_tokens));
  CLADE_TRY(Set(config_file, node, "connect_timeout", 0.001, &config.connect_timeout_seconds));
  CLADE_TRY(Set(config_file, node, "timeout", 0.001, &config.timeout_seconds));
  CLADE_TRY(Set(config_file, node, "retries", 0, &config.retries));
  CLADE_TRY(Set(config_file, node, "retry_base_seconds", 0, &config.retry_base_seconds));
  CLADE_TRY(Set(config_file, node, "retry_max_seconds", 0, &config.retry_max_seconds));
  CLADE_TRY(Set(config_file, node, "concurrency", 1, &config.concurrency));
  CLADE_TRY(Set(config_file, node, "price_input", 0, &config.price_input));
  CLADE_TRY(Set(config_file, node, "price_output", 0, &config.price_output));
  if (auto b = CLADE_TRY(ReadBounded(config_file, node, "budget_tokens", 0, true))) {
    config.budget_tokens = static_cast<int64_t>(*b);
  }
  if (auto b = CLADE_TRY(ReadBounded(config_file, node, "budget_money", 0, false))) {
    config.budget_money = *b;
  }
  CLADE_TRY(Set(config_file, node, "agent_tokens", 0, &config.agent_tokens));
  config.cache = Resolve(config_file, ".clade-cache/model");
  if (auto cache = CLADE_TRY(ReadString(config_file, node, "cache"))) {
    config.cache = (*cache == "none" || cache->empty()) ? fs::path() : Resolve(config_file, *cache);
  }
  if (auto offline = CLADE_TRY(ReadBool(config_file, node, "offline"))) config.offline = *offline;
  if (config.offline && config.cache.empty()) {
    return FailAs(ErrorKind::kUsage, "{}: 'offline' needs a response cache ('cache' is none)",
                  Where(config_file, node["offline"]));
  }
  if (auto prompts = CLADE_TRY(ReadString(config_file, node, "prompts"))) {
    config.prompts = Resolve(config_file, *prompts);
  }
  CLADE_TRY(Set(config_file, node, "edit_retries", 0, &config.edit_retries));
  CLADE_TRY(Set(config_file, node, "context_bytes", 1000, &config.context_bytes));
  CLADE_TRY(Set(config_file, node, "self_seconds", 1, &config.self_seconds));
  return config;
}

}  // namespace clade::model
