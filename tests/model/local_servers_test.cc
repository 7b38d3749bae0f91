// docs/models.md's recipes for local servers (llama.cpp, vLLM, Ollama), read from the
// document itself, each tried against a loopback stand-in that speaks that server's dialect
// of the OpenAI protocol: the fields it adds or leaves out, and its error bodies. A user's
// first run with a local model should work, and its failures read as one sentence.
#include <fstream>
#include <sstream>

#include "engine/model/model_client.h"
#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/model/model_config.h"
#include "support/fs.h"
#include "support/yaml.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using testing::Dialect;
using testing::FakeProvider;

struct Recipe {
  Dialect dialect;
  const char* heading;  // the bold text that starts the recipe in docs/models.md
};

constexpr Recipe kRecipes[] = {{Dialect::kLlamaCpp, "**llama.cpp server**"},
                               {Dialect::kVllm, "**vLLM**"},
                               {Dialect::kOllama, "**Ollama**"}};

// The first ```yaml block after `heading` in docs/models.md.
std::string RecipeYaml(const std::string& heading) {
  std::ifstream in(clade::testing::SourceDir() / "docs" / "models.md");
  std::stringstream text;
  text << in.rdbuf();
  std::string doc = text.str();
  size_t at = doc.find("\n" + heading);
  REQUIRE(at != std::string::npos);
  size_t open = doc.find("```yaml\n", at);
  REQUIRE(open != std::string::npos);
  open += 8;
  size_t close = doc.find("```", open);
  REQUIRE(close != std::string::npos);
  return doc.substr(open, close - open);
}

// The recipe's model section, as clade loads it, pointed at `server` instead of the real
// port (the recipe's must be a loopback one with the same /v1 path).
ModelConfig LoadRecipe(const TempDir& dir, const Recipe& recipe, const FakeProvider& server) {
  fs::path file = dir.path() / "clade.yaml";
  REQUIRE(WriteFile(file, RecipeYaml(recipe.heading)));
  YamlDocument doc = LoadYaml(file).value();
  auto config = LoadModelConfig(file, doc.root["model"]);
  INFO(recipe.heading);
  REQUIRE(config);
  CHECK(config->provider == Provider::kOpenAi);
  CHECK(config->base_url.rfind("http://127.0.0.1:", 0) == 0);
  CHECK(config->base_url.substr(config->base_url.size() - 3) == "/v1");
  CHECK(config->api_key_env.empty());  // local servers need no key
  config->base_url = server.base_url();
  config->retry_base_seconds = 0.01;  // retries are counted here, never timed
  return *config;
}

ChatRequest Ask() { return ChatRequest{.messages = {{"system", "be brief"}, {"user", "2+2?"}}}; }

// The recipe's call to a server that answers every request with `reply`; `calls` gets how
// many requests reached it.
Result<ChatResponse> AskFailing(const TempDir& dir, const Recipe& recipe, const testing::Reply& reply,
                                size_t* calls) {
  FakeProvider server;
  ModelConfig config = LoadRecipe(dir, recipe, server);
  server.Respond([reply](const testing::Received&) { return reply; });
  Result<ChatResponse> answer = ModelClient(config, "").Chat(Ask());
  *calls = server.count();
  return answer;
}

}  // namespace

TEST_CASE("docs/models.md's local-server recipes work against each server's dialect") {
  for (const Recipe& recipe : kRecipes) {
    INFO(recipe.heading);
    TempDir dir("local-recipe");
    FakeProvider server;
    ModelConfig config = LoadRecipe(dir, recipe, server);
    server.Script({testing::LocalAnswer(recipe.dialect, config.name, "four", 21, 3)});
    ModelClient client(config, "");
    auto answer = client.Chat(Ask());
    REQUIRE(answer);
    CHECK(answer->text == "four");
    CHECK(answer->finish_reason == "stop");
    CHECK(answer->usage.input_tokens == 21);
    CHECK(answer->usage.output_tokens == 3);
    std::vector<testing::Received> got = server.received();
    REQUIRE(got.size() == 1);
    CHECK(got[0].path == "/v1/chat/completions");
    CHECK(got[0].body["model"] == config.name);  // the recipe's name is what is sent
    CHECK(got[0].headers.count("authorization") == 0);
    if (recipe.dialect == Dialect::kOllama) CHECK(config.timeout_seconds == 900);
    if (recipe.dialect == Dialect::kVllm) CHECK(config.concurrency == 8);
  }
}

TEST_CASE("Local servers' errors: retried while loading, one sentence in their own words") {
  TempDir dir("local-errors");
  SECTION("llama.cpp answers 503 while it loads the model: retried, then the answer") {
    FakeProvider server;
    ModelConfig config = LoadRecipe(dir, kRecipes[0], server);
    server.Script(
        {testing::LocalError(Dialect::kLlamaCpp, 503, "unavailable_error", "Loading model"),
         testing::LocalAnswer(Dialect::kLlamaCpp, config.name, "four")});
    auto answer = ModelClient(config, "").Chat(Ask());
    REQUIRE(answer);
    CHECK(answer->text == "four");
    CHECK(server.count() == 2);
  }
  size_t calls = 0;
  SECTION("llama.cpp: a prompt past its context is not retried") {
    auto answer = AskFailing(dir, kRecipes[0],
                             testing::LocalError(Dialect::kLlamaCpp, 400, "exceed_context_size_error",
                                                 "the request exceeds the available context "
                                                 "size, try increasing it"),
                             &calls);
    REQUIRE(!answer);
    CHECK_THAT(answer.error().message, Catch::Contains("exceeds the available context size"));
    CHECK(calls == 1);
  }
  SECTION("vLLM's top-level error body gives its message, not its JSON") {
    auto answer = AskFailing(
        dir, kRecipes[1],
        testing::LocalError(Dialect::kVllm, 404, "NotFoundError",
                            "The model `Qwen/Qwen2.5-Coder-7B-Instruct` does not exist."),
        &calls);
    REQUIRE(!answer);
    CHECK_THAT(answer.error().message, Catch::Contains("does not exist."));
    CHECK_THAT(answer.error().message, !Catch::Contains("\"object\""));
    CHECK(calls == 1);
  }
  SECTION("Ollama without the model pulled: its hint, at once") {
    auto answer = AskFailing(
        dir, kRecipes[2],
        testing::LocalError(Dialect::kOllama, 404, "api_error",
                            "model \"qwen2.5-coder:7b\" not found, try pulling it first"),
        &calls);
    REQUIRE(!answer);
    CHECK_THAT(answer.error().message, Catch::Contains("not found, try pulling it first"));
    CHECK(calls == 1);
  }
}

}  // namespace clade::model
