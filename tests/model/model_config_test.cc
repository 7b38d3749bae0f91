#include "engine/model/model_config.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"
#include "support/yaml.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;

// Writes `text` as a config file and loads its model section.
Result<ModelConfig> Load(const TempDir& dir, const std::string& text) {
  fs::path file = dir.path() / "clade.yaml";
  testing::WriteTree(dir.path(), {{"clade.yaml", text}});
  YamlDocument doc = LoadYaml(file).value();
  return LoadModelConfig(file, doc.root["model"]);
}

}  // namespace

TEST_CASE("A model section with every key loads, paths relative to the config file") {
  TempDir dir("model-config");
  ModelConfig config = Load(dir, R"(mutator: llm
model:
  provider: anthropic
  base_url: http://127.0.0.1:9/v1/
  name: claude-test
  api_key_env: ANTHROPIC_API_KEY
  temperature: 0.2
  max_tokens: 2048
  connect_timeout: 3
  timeout: 120
  retries: 2
  retry_base_seconds: 0.5
  retry_max_seconds: 30
  concurrency: 2
  price_input: 3
  price_output: 15
  budget_tokens: 1000000
  budget_money: 5.5
  agent_tokens: 50000
  cache: cache/model
  offline: true
  prompts: my-prompts
  edit_retries: 3
  context_bytes: 20000
  self_seconds: 300
)")
                           .value();
  CHECK(config.provider == Provider::kAnthropic);
  CHECK(config.base_url == "http://127.0.0.1:9/v1");
  CHECK(config.Endpoint() == "http://127.0.0.1:9/v1/messages");
  CHECK(config.name == "claude-test");
  CHECK(config.api_key_env == "ANTHROPIC_API_KEY");
  CHECK(config.temperature == 0.2);
  CHECK(config.max_tokens == 2048);
  CHECK(config.retries == 2);
  CHECK(config.concurrency == 2);
  CHECK(config.price_output == 15);
  CHECK(config.budget_tokens == 1000000);
  CHECK(config.budget_money == 5.5);
  CHECK(config.agent_tokens == 50000);
  CHECK(config.cache == fs::absolute(dir.path()) / "cache/model");
  CHECK(config.offline);
  CHECK(config.prompts == fs::absolute(dir.path()) / "my-prompts");
  CHECK(config.edit_retries == 3);
  CHECK(config.context_bytes == 20000);
  CHECK(config.self_seconds == 300);
}

TEST_CASE("Model defaults: the provider's URL, a cache beside the config, no temperature") {
  TempDir dir("model-config");
  ModelConfig config = Load(dir, "model:\n  provider: openai\n  name: gpt-test\n").value();
  CHECK(config.Endpoint() == "https://api.openai.com/v1/chat/completions");
  CHECK(!config.temperature);
  CHECK(config.api_key_env.empty());
  CHECK(config.cache == fs::absolute(dir.path()) / ".clade-cache/model");
  CHECK(!config.offline);
  CHECK(Load(dir, "model:\n  provider: openai\n  name: m\n  cache: none\n")->cache.empty());
}

TEST_CASE("Bad model sections are one sentence naming file and line") {
  TempDir dir("model-config");
  auto error = [&](const std::string& text) {
    Result<ModelConfig> config = Load(dir, text);
    REQUIRE(!config);
    CHECK(config.error().kind == ErrorKind::kUsage);
    return config.error().message;
  };
  std::string file = (dir.path() / "clade.yaml").string();
  CHECK(error("model:\n  provider: openai\n  name: m\n  temprature: 1\n") ==
        file +
            ":4: unknown key 'temprature' in model (expected one of: provider, base_url, name, "
            "api_key_env, temperature, max_tokens, connect_timeout, timeout, retries, "
            "retry_base_seconds, retry_max_seconds, concurrency, price_input, price_output, "
            "budget_tokens, budget_money, agent_tokens, cache, offline, prompts, "
            "edit_retries, context_bytes, self_seconds)");
  CHECK(error("model:\n  provider: gemini\n  name: m\n") ==
        file + ":2: unknown model provider 'gemini' (expected openai or anthropic)");
  CHECK(error("model:\n  provider: openai\n  name: m\n  max_tokens: lots\n") ==
        file + ":4: 'max_tokens' must be a number");
  CHECK(error("model:\n  provider: openai\n  name: m\n  retries: 1.5\n") ==
        file + ":4: 'retries' must be a whole number at least 0");
  CHECK(error("model:\n  provider: openai\n  name: m\n  offline: maybe\n") ==
        file + ":4: 'offline' must be true or false");
  CHECK(error("model:\n  provider: openai\n  name: m\n  api_key_env: sk-abc123\n") ==
        file + ":4: 'api_key_env' must be the name of an environment variable, never the key");
  CHECK(error("model:\n  provider: openai\n  name: m\n  base_url: 127.0.0.1:8080\n") ==
        file + ":4: 'base_url' must start with http:// or https://");
  CHECK(error("model:\n  name: m\n").find(":2: model has no 'provider'") != std::string::npos);
  CHECK(error("mutator: llm\n") == file + ": the mutator needs a 'model' section (provider, name)");
}

}  // namespace clade::model
