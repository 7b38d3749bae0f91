#include "engine/model/model_client.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <thread>

#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/model/model_check.h"
#include "support/fs.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using testing::FakeProvider;
using testing::Reply;

constexpr char kKey[] = "sk-test-0123456789abcdef";

ModelConfig Config(const FakeProvider& server, Provider provider = Provider::kOpenAi) {
  ModelConfig config;
  config.provider = provider;
  config.base_url = server.base_url();
  config.name = "test-model";
  config.api_key_env = "CLADE_TEST_MODEL_KEY";
  config.retries = 2;
  config.retry_base_seconds = 0.01;  // retries are counted here, never timed
  config.timeout_seconds = 5;
  return config;
}

ChatRequest Ask(const std::string& question) {
  return ChatRequest{.messages = {{"system", "be brief"}, {"user", question}}};
}

// Every file under `dir`, concatenated.
std::string Slurp(const fs::path& dir) {
  std::string all;
  if (!fs::exists(dir)) return all;
  for (const auto& entry : fs::recursive_directory_iterator(dir)) {
    if (entry.is_regular_file()) all += ReadFile(entry.path()).value_or("");
  }
  return all;
}

}  // namespace

TEST_CASE("OpenAI-compatible call: body, key header, answer, usage and cost") {
  FakeProvider server(kKey);
  server.Script({testing::OpenAiAnswer("four", 120, 30)});
  ModelConfig config = Config(server);
  config.temperature = 0.5;
  config.price_input = 2;  // per million
  config.price_output = 10;
  ModelClient client(config, kKey);
  ChatRequest request = Ask("2+2?");
  request.seed = 7;
  ChatResponse answer = client.Chat(request).value();
  CHECK(answer.text == "four");
  CHECK(answer.finish_reason == "stop");
  CHECK(answer.usage.input_tokens == 120);
  CHECK(answer.usage.output_tokens == 30);
  CHECK(answer.cost == Approx((120 * 2 + 30 * 10) / 1e6));
  CHECK(answer.attempts == 1);
  CHECK(!answer.cached);
  REQUIRE(server.count() == 1);
  testing::Received got = server.received()[0];
  CHECK(got.path == "/v1/chat/completions");
  CHECK(got.headers["authorization"] == std::string("Bearer ") + kKey);
  CHECK(got.body["model"] == "test-model");
  CHECK(got.body["temperature"] == 0.5);
  CHECK(got.body["max_tokens"] == 4096);
  CHECK(got.body["seed"] == 7);
  CHECK(got.body["messages"].size() == 2);
  CHECK(got.System() == "be brief");
  CHECK(got.LastUser() == "2+2?");
  Spent spent = client.spent();
  CHECK(spent.calls == 1);
  CHECK(spent.tokens() == 150);
}

TEST_CASE("Anthropic Messages call: x-api-key, version header, system field, usage") {
  FakeProvider server(kKey);
  server.Script({testing::AnthropicAnswer("four", 11, 3)});
  ModelClient client(Config(server, Provider::kAnthropic), kKey);
  ChatResponse answer = client.Chat(Ask("2+2?")).value();
  CHECK(answer.text == "four");
  CHECK(answer.finish_reason == "stop");
  CHECK(answer.usage.total() == 14);
  testing::Received got = server.received().at(0);
  CHECK(got.path == "/v1/messages");
  CHECK(got.headers["x-api-key"] == kKey);
  CHECK(got.headers["anthropic-version"] == "2023-06-01");
  CHECK(got.headers.count("authorization") == 0);
  CHECK(got.body["system"] == "be brief");
  CHECK(got.body["messages"].size() == 1);
  CHECK(got.body["messages"][0]["role"] == "user");
}

TEST_CASE("429, 5xx and Anthropic's 529 are retried until an answer comes") {
  FakeProvider server;
  server.Script({testing::OpenAiError(429, "rate_limit_exceeded", "slow down"),
                 testing::OpenAiError(503, "server_error", "unavailable"),
                 testing::AnthropicError(529, "overloaded_error", "Overloaded"),
                 testing::OpenAiAnswer("finally")});
  ModelConfig config = Config(server);
  config.retries = 3;
  ModelClient client(config, "");
  ChatResponse answer = client.Chat(Ask("q")).value();
  CHECK(answer.text == "finally");
  CHECK(answer.attempts == 4);
  CHECK(server.count() == 4);
}

TEST_CASE("Retry-After is honoured: the client waits at least that long") {
  FakeProvider server;
  Reply busy = testing::OpenAiError(429, "rate_limit_exceeded", "Rate limit reached");
  busy.headers["Retry-After"] = "1";
  server.Script({busy, testing::OpenAiAnswer("ok")});
  ModelConfig config = Config(server);
  config.retry_base_seconds = 0;  // without Retry-After it would not wait at all
  ModelClient client(config, "");
  auto start = std::chrono::steady_clock::now();
  REQUIRE(client.Chat(Ask("q")));
  double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  CHECK(waited >= 0.95);
  CHECK(server.count() == 2);
}

TEST_CASE("Retries are bounded: the last failure is named, without the mutation prefix") {
  FakeProvider server;
  server.Respond([](const testing::Received&) {
    return testing::OpenAiError(500, "server_error", "The server had an error");
  });
  ModelClient client(Config(server), "");
  Result<ChatResponse> answer = client.Chat(Ask("q"));
  REQUIRE(!answer);
  CHECK(server.count() == 3);
  CHECK(answer.error().message ==
        "model test-model at " + server.base_url() +
            "/chat/completions: no answer after 3 attempts; the last: HTTP 500: The server had "
            "an error");
}

TEST_CASE("An authentication error stops at once, names the variable and hides the key") {
  FakeProvider server(kKey);
  std::string wrong = "sk-wrong-key-0000000000";
  ModelClient client(Config(server), wrong);
  Result<ChatResponse> answer = client.Chat(Ask("q"));
  REQUIRE(!answer);
  CHECK(server.count() == 1);
  // The fake OpenAI echoes the key it was given, as the real one echoes part of it.
  CHECK(answer.error().message.find(wrong) == std::string::npos);
  CHECK(answer.error().message.find("[redacted]") != std::string::npos);
  CHECK(answer.error().message.find("HTTP 401") != std::string::npos);
  CHECK(answer.error().message.find("check the key in CLADE_TEST_MODEL_KEY") != std::string::npos);
}

TEST_CASE("A bad request is not retried") {
  FakeProvider server;
  server.Script({testing::AnthropicError(400, "invalid_request_error", "max_tokens: too large")});
  ModelClient client(Config(server, Provider::kAnthropic), "");
  Result<ChatResponse> answer = client.Chat(Ask("q"));
  REQUIRE(!answer);
  CHECK(server.count() == 1);
  CHECK(answer.error().message.find("rejected the request (HTTP 400: max_tokens: too large)") !=
        std::string::npos);
}

TEST_CASE("A truncated body or malformed JSON is an error of that call, retried") {
  FakeProvider server;
  Reply truncated = testing::OpenAiAnswer("a long answer that is cut in the middle");
  truncated.truncate = true;
  Reply malformed{.body = R"({"choices": [{"message": {"content": "x")"};
  server.Script({truncated, malformed, testing::OpenAiAnswer("whole")});
  ModelClient client(Config(server), "");
  CHECK(client.Chat(Ask("q")).value().text == "whole");
  CHECK(server.count() == 3);

  server.Respond([](const testing::Received&) { return Reply{.body = "{\"choi"}; });
  Result<ChatResponse> answer = client.Chat(Ask("another"));
  REQUIRE(!answer);
  CHECK(answer.error().message.find("not valid JSON") != std::string::npos);
  server.Respond([](const testing::Received&) { return Reply{.body = R"({"id": "x"})"}; });
  answer = client.Chat(Ask("yet another"));
  REQUIRE(!answer);
  CHECK(answer.error().message.find("the answer has no choices") != std::string::npos);
}

TEST_CASE("A slow answer times out and is retried") {
  FakeProvider server;
  Reply slow = testing::OpenAiAnswer("late");
  slow.delay_seconds = 1.5;
  server.Script({slow, testing::OpenAiAnswer("prompt")});
  ModelConfig config = Config(server);
  config.timeout_seconds = 0.3;
  ModelClient client(config, "");
  CHECK(client.Chat(Ask("q")).value().text == "prompt");
  CHECK(server.count() == 2);
}

TEST_CASE("An unreachable server is an error after the retries") {
  ModelConfig config;
  config.base_url = "http://127.0.0.1:1/v1";  // nothing listens on port 1
  config.name = "m";
  config.retries = 1;
  config.retry_base_seconds = 0.01;
  ModelClient client(config, "");
  Result<ChatResponse> answer = client.Chat(Ask("q"));
  REQUIRE(!answer);
  CHECK(answer.error().message.find("no answer after 2 attempts; the last: cannot connect") !=
        std::string::npos);
  CHECK(answer.error().kind != ErrorKind::kNoChild);
}

TEST_CASE("Budgets are checked before a call") {
  FakeProvider server;
  server.Respond([](const testing::Received&) { return testing::OpenAiAnswer("ok", 10, 5); });
  ModelConfig config = Config(server);
  config.budget_tokens = 20;
  ModelClient client(config, "");
  REQUIRE(client.Chat(Ask("one")));
  REQUIRE(client.Chat(Ask("two")));  // 15 spent: still under 20
  Result<ChatResponse> third = client.Chat(Ask("three"));
  REQUIRE(!third);
  CHECK(server.count() == 2);
  CHECK(third.error().message.find("the model token budget of 20 is spent (30 tokens used)") !=
        std::string::npos);

  config.budget_tokens.reset();
  config.budget_money = 0.0001;
  config.price_input = 10;  // 10 tokens cost 0.0001
  ModelClient paid(config, "");
  REQUIRE(paid.Chat(Ask("one")));
  CHECK(!paid.Chat(Ask("two")));
  CHECK(server.count() == 3);
}

TEST_CASE("The cache answers a request seen before, offline fails on a miss") {
  FakeProvider server;
  server.Respond([](const testing::Received& got) {
    return testing::OpenAiAnswer("answer to " + got.LastUser());
  });
  TempDir dir("model-cache");
  ModelConfig config = Config(server);
  config.cache = dir.path() / "cache";
  ModelClient client(config, "");
  ChatRequest request = Ask("q");
  request.seed = 1;
  CHECK(client.Chat(request).value().text == "answer to q");
  ChatResponse again = client.Chat(request).value();
  CHECK(again.text == "answer to q");
  CHECK(again.cached);
  CHECK(server.count() == 1);
  request.seed = 2;  // another seed is another request
  CHECK(!client.Chat(request).value().cached);
  CHECK(server.count() == 2);
  CHECK(client.spent().calls == 2);
  CHECK(client.spent().cached == 1);

  config.offline = true;
  ModelClient offline(config, "");
  CHECK(offline.Chat(request).value().cached);
  Result<ChatResponse> miss = offline.Chat(Ask("never asked"));
  REQUIRE(!miss);
  CHECK(miss.error().message.find("offline, and the response cache") != std::string::npos);
  CHECK(server.count() == 2);
}

TEST_CASE("At most `concurrency` calls are in flight") {
  FakeProvider server;
  std::atomic<int> in_flight{0}, most{0};
  server.Respond([&](const testing::Received&) {
    int now = ++in_flight;
    int seen = most.load();
    while (now > seen && !most.compare_exchange_weak(seen, now)) {
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    --in_flight;
    return testing::OpenAiAnswer("ok");
  });
  ModelConfig config = Config(server);
  config.concurrency = 2;
  ModelClient client(config, "");
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 5; ++i) {
    threads.emplace_back([&, i] { ok += client.Chat(Ask("q" + std::to_string(i))) ? 1 : 0; });
  }
  for (auto& thread : threads) thread.join();
  CHECK(ok == 5);
  CHECK(server.count() == 5);
  CHECK(most == 2);
}

TEST_CASE("The key never reaches answers, errors or the cache") {
  FakeProvider server(kKey);
  server.Respond([](const testing::Received& got) {
    return testing::OpenAiAnswer("your header was " + got.headers.at("authorization"));
  });
  TempDir dir("model-cache");
  ModelConfig config = Config(server);
  config.cache = dir.path() / "cache";
  ::setenv("CLADE_TEST_MODEL_KEY", kKey, 1);
  auto client = ModelClient::Create(config).value();
  ChatResponse answer = client->Chat(Ask("q")).value();
  CHECK(answer.text == "your header was Bearer [redacted]");
  std::string cached = Slurp(config.cache);
  CHECK(!cached.empty());
  CHECK(cached.find(kKey) == std::string::npos);
  ::unsetenv("CLADE_TEST_MODEL_KEY");
  Result<std::shared_ptr<ModelClient>> missing = ModelClient::Create(config);
  REQUIRE(!missing);
  CHECK(missing.error().message.find("CLADE_TEST_MODEL_KEY") != std::string::npos);
}

TEST_CASE("The doctor's check: one uncached call, the error sentence when it fails") {
  FakeProvider server;
  TempDir dir("model-check");
  ModelConfig config = Config(server);
  config.cache = dir.path() / "cache";
  config.api_key_env.clear();  // a local server needs no key
  ModelCheck ok = CheckModel(config);
  INFO(ok.message);
  CHECK(ok.ok);
  CHECK(ok.message.find("answered in") != std::string::npos);
  CHECK(ok.ToJson(config)["endpoint"] == server.base_url() + "/chat/completions");
  CHECK(!fs::exists(config.cache));
  CHECK(server.received().at(0).body["max_tokens"] == 8);

  server.Script({testing::OpenAiError(503, "server_error", "down")});
  ModelCheck down = CheckModel(config);
  CHECK(!down.ok);
  CHECK(down.message.find("HTTP 503: down") != std::string::npos);
  CHECK(server.count() == 2);  // no retry

  config.api_key_env = "CLADE_TEST_UNSET_KEY";
  ModelCheck no_key = CheckModel(config);
  CHECK(!no_key.ok);
  CHECK(no_key.message.find("CLADE_TEST_UNSET_KEY") != std::string::npos);
  CHECK(server.count() == 2);
}

}  // namespace clade::model
