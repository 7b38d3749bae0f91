// The `model:` section of a run configuration (docs/config.md, docs/models.md): which
// provider to call and how, what it costs, how much may be spent, where answers are
// cached. docs/models.md lists every key with its default.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <yaml-cpp/yaml.h>

#include "support/error.h"

namespace clade::model {

enum class Provider {
  kOpenAi,     // POST {base_url}/chat/completions (OpenAI, vLLM, llama.cpp, Ollama, LM Studio)
  kAnthropic,  // POST {base_url}/messages (Anthropic Messages)
};

std::string_view ProviderName(Provider provider);  // "openai", "anthropic"

struct ModelConfig {
  std::filesystem::path file;  // the config file, for messages (may be empty)
  Provider provider = Provider::kOpenAi;
  std::string base_url;               // without a trailing '/'; defaults per provider
  std::string name;                   // the model name sent to the provider
  std::string api_key_env;            // the variable holding the key; empty: send no key
  std::optional<double> temperature;  // unset: not sent (the server's default)
  int max_tokens = 4096;              // per answer
  double connect_timeout_seconds = 10;
  double timeout_seconds = 300;          // a whole call, answer included
  int retries = 4;                       // extra attempts after the first
  double retry_base_seconds = 1;         // backoff: base * 2^attempt, with jitter
  double retry_max_seconds = 60;         // cap of one wait (Retry-After included)
  int concurrency = 4;                   // calls in flight at once, per client
  double price_input = 0;                // money per million input tokens
  double price_output = 0;               // money per million output tokens
  std::optional<int64_t> budget_tokens;  // all calls of this client; refused past it
  std::optional<double> budget_money;
  int64_t agent_tokens = 200000;  // one child's agent, through CLADE_MODEL_SOCKET
  std::filesystem::path cache;    // response cache directory; empty: no cache
  bool offline = false;           // answer only from the cache; a miss is an error
  std::filesystem::path prompts;  // template directory; empty: the built-in templates
  int edit_retries = 2;           // rejected edits sent back to the model (llm)
  size_t context_bytes = 60000;   // source text shown in the implement prompt (llm)
  double self_seconds = 900;      // the parent agent's run on its own source (self)

  // The endpoint one call goes to.
  std::string Endpoint() const;
};

// Parses the `model:` section of `config_file`. Strict: an unknown key, a wrong type or a
// bad value is a kUsage error "FILE:LINE: ..."; a missing section too. Relative paths
// (cache, prompts) are relative to the config file's directory.
Result<ModelConfig> LoadModelConfig(const std::filesystem::path& config_file,
                                    const YAML::Node& model_node);

}  // namespace clade::model
