#include "engine/model/model_proxy.h"

#include <chrono>
#include <thread>

#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <httplib.h>
#include <sys/socket.h>

#include "sandbox/agent_spec.h"
#include "sandbox/harness.h"
#include "sandbox/protections.h"
#include "sandbox/suite.h"
#include "support/fs.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using testing::FakeProvider;

constexpr char kKey[] = "sk-proxy-test-key-123456789";

// An agent in C with no HTTP library: it posts three chat requests to the socket named by
// CLADE_MODEL_SOCKET and prints each raw HTTP response, then says whether anything in its
// environment looks like a key.
constexpr char kAgent[] = R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>
extern char** environ;
static void Call(const char* path, int n) {
  int fd = socket(AF_UNIX, SOCK_STREAM, 0);
  struct sockaddr_un addr = {0};
  addr.sun_family = AF_UNIX;
  strncpy(addr.sun_path, path, sizeof addr.sun_path - 1);
  if (connect(fd, (struct sockaddr*)&addr, sizeof addr) != 0) { printf("connect failed\n"); return; }
  char body[256], request[1024];
  snprintf(body, sizeof body,
           "{\"model\":\"any\",\"messages\":[{\"role\":\"user\",\"content\":\"question %d\"}]}", n);
  snprintf(request, sizeof request,
           "POST /v1/chat/completions HTTP/1.1\r\nHost: clade\r\nContent-Type: application/json\r\n"
           "Content-Length: %zu\r\nConnection: close\r\n\r\n%s", strlen(body), body);
  write(fd, request, strlen(request));
  char buffer[4096];
  ssize_t got;
  printf("== response %d\n", n);
  while ((got = read(fd, buffer, sizeof buffer)) > 0) fwrite(buffer, 1, got, stdout);
  printf("\n");
  close(fd);
}
int main(void) {
  const char* path = getenv("CLADE_MODEL_SOCKET");
  if (!path) { printf("no socket\n"); return 1; }
  for (int n = 1; n <= 3; ++n) Call(path, n);
  for (char** e = environ; *e; ++e) if (strstr(*e, "sk-")) printf("leaked: %s\n", *e);
  return 0;
}
)";

struct Sandboxed {
  TempDir dir{"model-proxy"};
  fs::path agent = dir.path() / "agent";
  fs::path suite = dir.path() / "suite";
  Sandboxed() {
    clade::testing::WriteTree(agent,
                              {{"agent.yaml",
                                "name: caller\nbuild:\n  - cc -o {build}/agent {src}/agent.c\n"
                                "run: \"{build}/agent\"\n"},
                               {"agent.c", kAgent}});
    clade::testing::WriteTree(suite, {{"suite.yaml", "name: s\ntasks: tasks/*\n"},
                                      {"tasks/t/task.yaml",
                                       "id: t\nstatement: call\n"
                                       "hidden_test: \"true\"\nresult: exit_code\n"},
                                      {"tasks/t/workspace/README", "nothing\n"},
                                      {"tasks/t/tests/README", "nothing\n"}});
  }
};

ModelConfig Config(const FakeProvider& server, Provider provider = Provider::kOpenAi) {
  ModelConfig config;
  config.provider = provider;
  config.base_url = server.base_url();
  config.name = "upstream-model";
  config.retries = 0;
  return config;
}

httplib::Client SocketClient(const fs::path& socket) {
  httplib::Client client(socket.string(), 80);
  client.set_address_family(AF_UNIX);
  client.set_read_timeout(20);
  return client;
}

// A chat request of one user message.
std::string ChatBody(const std::string& text, int max_tokens) {
  json body = {{"messages", {{{"role", "user"}, {"content", text}}}}, {"max_tokens", max_tokens}};
  return body.dump();
}

// An answer using `input_tokens` and every answer token the request allows.
testing::Reply AnswerInFull(const testing::Received& got, int input_tokens) {
  return testing::OpenAiAnswer("a long answer", input_tokens, got.body.value("max_tokens", 0));
}

// Checks an OpenAI error body of `type` and returns its message.
std::string ErrorMessage(const std::string& text, const std::string& type) {
  json body = json::parse(text, nullptr, false);
  REQUIRE(body.is_object());
  CHECK(body["error"]["type"] == type);
  CHECK(body["error"]["code"] == type);
  CHECK(body["error"]["param"].is_null());
  return body["error"].value("message", "");
}

}  // namespace

TEST_CASE(
    "A sandboxed agent calls the model socket, gets the answer, and is refused past its budget") {
  FakeProvider server(kKey);
  server.Respond([](const testing::Received& got) {
    return testing::OpenAiAnswer("scripted answer to " + got.LastUser(), 10, 5);
  });
  Sandboxed f;
  auto client = std::make_shared<ModelClient>(Config(server), kKey);
  // Each call reserves its prompt's estimate and is answered with 15 tokens: two fit in 20
  // more than the estimate, the third does not.
  int64_t estimate = EstimateInputTokens({.messages = {{"user", "question 1"}}});
  ModelProxy proxy(client, 20 + estimate);
  REQUIRE(proxy.Start(f.dir.path() / "work/model.sock"));

  sandbox::HarnessOptions options{.work = f.dir.path() / "work"};
  options.model = &proxy;
  // Through bubblewrap (private /tmp, no network) where it works: the socket is bound in.
  if (sandbox::CurrentProtections().bubblewrap) options.isolation = sandbox::Isolation::kBubblewrap;
  sandbox::AgentSpec spec = sandbox::LoadAgentSpec(f.agent).value();
  sandbox::Slot slot = sandbox::Slot::Open(options.work / "slot-0", 256 << 20).value();
  sandbox::BuildResult build = sandbox::BuildAgent(options, spec, f.agent, slot).value();
  INFO(build.log);
  REQUIRE(build.ok());
  sandbox::Suite suite = sandbox::LoadSuite(f.suite).value();
  sandbox::TaskResult outcome =
      sandbox::RunTask(options, spec, build, suite, suite.tasks.at(0)).value();
  INFO(outcome.log);
  CHECK(outcome.log.find("HTTP/1.1 200") != std::string::npos);
  CHECK(outcome.log.find("scripted answer to question 1") != std::string::npos);
  CHECK(outcome.log.find("scripted answer to question 2") != std::string::npos);
  CHECK(outcome.log.find("scripted answer to question 3") == std::string::npos);
  CHECK(outcome.log.find("HTTP/1.1 429") != std::string::npos);
  CHECK(outcome.log.find("insufficient_quota") != std::string::npos);
  CHECK(outcome.log.find("leaked") == std::string::npos);
  CHECK(outcome.log.find(kKey) == std::string::npos);
  CHECK(server.count() == 2);
  // The configured model answered, whatever the agent asked for, with the real key.
  CHECK(server.received()[0].body["model"] == "upstream-model");
  CHECK(server.received()[0].headers["authorization"] == std::string("Bearer ") + kKey);

  std::vector<ProxyCall> calls = proxy.calls();
  REQUIRE(calls.size() == 3);
  CHECK(calls[0].status == "ok");
  CHECK(calls[2].status == "budget");
  CHECK(proxy.tokens_used() == 30);
  json summary = proxy.Summary();
  CHECK(summary["calls"] == 3);
  CHECK(summary["tokens"] == 30);
  CHECK(summary["refused"] == 1);
  CHECK(proxy.Log().find("user: question 2") != std::string::npos);
  proxy.Stop();
  CHECK(!fs::exists(f.dir.path() / "work/model.sock"));
}

TEST_CASE("The socket answers malformed requests, streams and unknown paths as OpenAI does") {
  FakeProvider server;
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());

  auto bad = client.Post("/v1/chat/completions", "{not json", "application/json");
  REQUIRE(bad);
  CHECK(bad->status == 400);
  CHECK(json::parse(bad->body)["error"]["type"] == "invalid_request_error");
  auto stream = client.Post("/v1/chat/completions",
                            R"({"stream": true, "messages": [{"role": "user", "content": "x"}]})",
                            "application/json");
  REQUIRE(stream);
  CHECK(stream->status == 400);
  CHECK(json::parse(stream->body)["error"]["message"].get<std::string>().find("stream") !=
        std::string::npos);
  auto unknown = client.Post("/v1/embeddings", "{}", "application/json");
  REQUIRE(unknown);
  CHECK(unknown->status == 404);
  CHECK(json::parse(unknown->body)["error"]["message"] ==
        "Unknown request URL: POST /v1/embeddings");
  auto models = client.Get("/v1/models");
  REQUIRE(models);
  CHECK(json::parse(models->body)["data"][0]["id"] == "upstream-model");
  CHECK(server.count() == 0);
  CHECK(proxy.calls().size() == 2);  // the two chat requests, both refused
}

TEST_CASE("The socket speaks OpenAI to the agent while the provider is Anthropic") {
  FakeProvider server;
  server.Script({testing::AnthropicAnswer("from claude", 7, 3),
                 testing::AnthropicError(400, "invalid_request_error", "prompt is too long")});
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server, Provider::kAnthropic), ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  std::string request = R"({"messages": [{"role": "system", "content": "terse"},
      {"role": "user", "content": [{"type": "text", "text": "hi"}]}], "max_tokens": 50})";
  auto answer = client.Post("/v1/chat/completions", request, "application/json");
  REQUIRE(answer);
  CHECK(answer->status == 200);
  json body = json::parse(answer->body);
  CHECK(body["object"] == "chat.completion");
  CHECK(body["choices"][0]["message"]["content"] == "from claude");
  CHECK(body["usage"]["total_tokens"] == 10);
  testing::Received got = server.received().at(0);
  CHECK(got.body["system"] == "terse");
  CHECK(got.body["max_tokens"] == 50);
  CHECK(got.LastUser() == "hi");

  auto failed = client.Post("/v1/chat/completions", request, "application/json");
  REQUIRE(failed);
  CHECK(failed->status == 502);
  CHECK(json::parse(failed->body)["error"]["message"].get<std::string>().find(
            "prompt is too long") != std::string::npos);
}

TEST_CASE("Concurrent calls reserve their tokens and cannot spend more than the budget together") {
  FakeProvider server;
  server.Respond([](const testing::Received& got) {
    testing::Reply reply = AnswerInFull(got, 10);
    reply.delay_seconds = 0.3;  // every call is in flight before the first is answered
    return reply;
  });
  TempDir dir("model-proxy");
  ModelConfig config = Config(server);
  config.concurrency = 8;
  ModelProxy proxy(std::make_shared<ModelClient>(config, ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  constexpr int kCalls = 8;
  std::vector<int> status(kCalls, 0);
  std::vector<std::string> bodies(kCalls);
  std::vector<std::thread> threads;
  for (int i = 0; i < kCalls; ++i) {
    threads.emplace_back([&, i] {
      httplib::Client client = SocketClient(proxy.socket());
      std::string body = ChatBody(fmt::format("question {}", i), 100000);
      auto answer = client.Post("/v1/chat/completions", body, "application/json");
      // httplib listens with a backlog of 5: a connection beyond it is refused at once on a
      // Unix socket, and a client tries again, as OpenAI's do.
      for (int retry = 0; retry < 100 && !answer && answer.error() == httplib::Error::Connection;
           ++retry) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
        answer = client.Post("/v1/chat/completions", body, "application/json");
      }
      if (!answer) {
        bodies[i] = fmt::format("no answer: httplib error {}", static_cast<int>(answer.error()));
        return;
      }
      status[i] = answer->status;
      bodies[i] = answer->body;
    });
  }
  for (std::thread& thread : threads) thread.join();
  int refused = 0;
  for (int i = 0; i < kCalls; ++i) {
    INFO(bodies[i]);
    REQUIRE((status[i] == 200 || status[i] == 429));
    if (status[i] != 429) continue;
    ++refused;
    CHECK(ErrorMessage(bodies[i], "insufficient_quota").find("(1000 tokens)") != std::string::npos);
  }
  // Each call really uses 10 input tokens, so no call's estimate falls short by more.
  CHECK(proxy.tokens_used() <= 1000 + 10);
  CHECK(refused > 0);
  CHECK(server.count() == static_cast<size_t>(kCalls - refused));
}

TEST_CASE("A prompt larger than the budget is refused without calling the provider") {
  FakeProvider server;
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  std::string prompt;
  while (prompt.size() < 400 * 1024) prompt += "Please read this line of the prompt again. ";
  auto answer = client.Post("/v1/chat/completions", ChatBody(prompt, 10), "application/json");
  REQUIRE(answer);
  CHECK(answer->status == 429);
  std::string message = ErrorMessage(answer->body, "insufficient_quota");
  CHECK(message.find("(1000 tokens)") != std::string::npos);
  CHECK(message.find("for its prompt") != std::string::npos);
  CHECK(server.count() == 0);
  CHECK(proxy.tokens_used() == 0);
  REQUIRE(proxy.calls().size() == 1);
  CHECK(proxy.calls()[0].status == "budget");
}

TEST_CASE("A request body over the size limit gets a 413 error body and is not forwarded") {
  FakeProvider server;
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 100'000'000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  std::string large = ChatBody(std::string(kMaxRequestBytes, 'x'), 10);

  auto sized = client.Post("/v1/chat/completions", large, "application/json");
  REQUIRE(sized);
  CHECK(sized->status == 413);
  CHECK(ErrorMessage(sized->body, "invalid_request_error").find("larger than the 4194304 bytes") !=
        std::string::npos);

  // Chunked: no Content-Length for the server to check before reading.
  auto chunked = client.Post(
      "/v1/chat/completions",
      [&](size_t offset, httplib::DataSink& sink) {
        if (offset < large.size()) {
          sink.write(large.data() + offset, std::min<size_t>(large.size() - offset, 1 << 16));
        } else {
          sink.done();
        }
        return true;
      },
      "application/json");
  REQUIRE(chunked);
  CHECK(chunked->status == 413);
  ErrorMessage(chunked->body, "invalid_request_error");
  REQUIRE(proxy.calls().size() == 2);
  CHECK(proxy.calls()[1].status == "bad_request");
  CHECK(server.count() == 0);
  CHECK(proxy.tokens_used() == 0);
}

TEST_CASE("A call within the budget is forwarded and settles to its real usage") {
  FakeProvider server;
  server.Respond([](const testing::Received& got) {
    return testing::OpenAiAnswer("short", 12, std::min(7, got.body.value("max_tokens", 0)));
  });
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());

  auto first = client.Post("/v1/chat/completions", ChatBody("hello there", 50), "application/json");
  REQUIRE(first);
  CHECK(first->status == 200);
  CHECK(json::parse(first->body)["usage"]["total_tokens"] == 19);
  CHECK(proxy.tokens_used() == 19);
  REQUIRE(server.count() == 1);
  CHECK(server.received()[0].body["max_tokens"] == 50);

  // The answer may use what the budget has left after the real usage (the first call's
  // reservation is gone) and this prompt's estimate.
  std::string prompt = "what is 2 + 2?";
  auto second = client.Post("/v1/chat/completions", ChatBody(prompt, 100000), "application/json");
  REQUIRE(second);
  CHECK(second->status == 200);
  REQUIRE(server.count() == 2);
  int64_t estimate = EstimateInputTokens({.messages = {{"user", prompt}}});
  CHECK(server.received()[1].body["max_tokens"] == 1000 - 19 - estimate);
  CHECK(proxy.tokens_used() == 38);
  CHECK(proxy.tokens_reserved() == 0);
  CHECK(proxy.Summary()["budget_used"] == 38);
}

TEST_CASE("A provider failure releases the call's reservation") {
  FakeProvider server;
  server.Script({testing::OpenAiError(500, "server_error", "overloaded")});
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  auto failed = client.Post("/v1/chat/completions", ChatBody("hi", 100000), "application/json");
  REQUIRE(failed);
  CHECK(failed->status == 502);
  CHECK(proxy.tokens_reserved() == 0);
  CHECK(proxy.tokens_used() == 0);
  auto answered = client.Post("/v1/chat/completions", ChatBody("hi", 100000), "application/json");
  REQUIRE(answered);
  CHECK(answered->status == 200);
  CHECK(server.received().at(1).body["max_tokens"] ==
        1000 - EstimateInputTokens({.messages = {{"user", "hi"}}}));
}

TEST_CASE("The input estimate follows its stated rule and never falls below bytes / 3") {
  auto estimate = [](const std::string& text) {
    return EstimateInputTokens({.messages = {{"user", text}}}) - kTokensPerCall - kTokensPerMessage;
  };
  CHECK(estimate("") == 0);
  CHECK(estimate("hello world") == 4);          // 2 + 2 letters tokens; 11 bytes / 3
  CHECK(estimate("The quick brown fox") == 7);  // 1 + 2 + 2 + 1, 19 bytes / 3
  CHECK(estimate("x = f(12);\n") == 9);  // x, =, f, (, 1, 2, ), ;, the newline; lone spaces 0
  CHECK(estimate("1234567890") == 10);   // one token per digit
  CHECK(estimate("aaaaaaaaaaaaaaaaaaaaaaaa") == 8);  // 24 letters: 6 by letters, 8 by bytes
  CHECK(estimate("\u00e9t\u00e9") == 5);             // 4 bytes of two accented letters, 1 letter
  std::string code(30000, ' ');
  CHECK(estimate(code) == 10000);  // blanks count little, but never below bytes / 3
  ChatRequest two{.messages = {{"system", "be brief"}, {"user", "hello world"}}};
  CHECK(EstimateInputTokens(two) == kTokensPerCall + 2 * kTokensPerMessage + 3 + 4);
}

TEST_CASE("Open gives each agent run its own socket in a private folder, sharing one budget") {
  FakeProvider server;
  server.Script({testing::OpenAiAnswer("one", 10, 5), testing::OpenAiAnswer("two", 10, 5)});
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 1000);
  fs::path first = proxy.Open().value();
  fs::path second = proxy.Open().value();
  CHECK(first != second);
  CHECK(first.parent_path() != second.parent_path());
  for (const fs::path& socket : {first, second}) {
    CHECK(fs::is_socket(socket));
    CHECK(fs::status(socket.parent_path()).permissions() == fs::perms::owner_all);
    httplib::Client client = SocketClient(socket);
    auto answer = client.Post("/v1/chat/completions", ChatBody("hi", 5), "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 200);
  }
  CHECK(proxy.tokens_used() == 30);  // both runs count against the one budget
  proxy.Close(first);
  CHECK_FALSE(fs::exists(first.parent_path()));
  CHECK(fs::is_socket(second));
  proxy.Close(first);  // idempotent
  proxy.Stop();
  CHECK_FALSE(fs::exists(second.parent_path()));
}

}  // namespace clade::model

namespace clade::model {
namespace {

// The tools an agent offers, in OpenAI's form.
const json kTools = json::parse(R"([{"type": "function", "function": {"name": "view",
    "description": "Show a file", "parameters": {"type": "object",
    "properties": {"path": {"type": "string"}}, "required": ["path"]}}}])");

// An OpenAI answer that calls `view` on a.cc, as OpenAI sends it (content null).
testing::Reply OpenAiToolCallAnswer() {
  json body = {{"id", "chatcmpl-tools"},
               {"object", "chat.completion"},
               {"choices",
                {{{"index", 0},
                  {"message",
                   {{"role", "assistant"},
                    {"content", nullptr},
                    {"tool_calls",
                     {{{"id", "call_1"},
                       {"type", "function"},
                       {"function", {{"name", "view"}, {"arguments", "{\"path\":\"a.cc\"}"}}}}}}}},
                  {"finish_reason", "tool_calls"}}}},
               {"usage", {{"prompt_tokens", 30}, {"completion_tokens", 9}, {"total_tokens", 39}}}};
  return testing::Reply{.body = body.dump()};
}

// The agent's second turn: its call, the tool's two results (one per call id).
json ToolTurn(const std::string& id) {
  return json::array(
      {{{"role", "user"}, {"content", "show a.cc"}},
       {{"role", "assistant"},
        {"content", nullptr},
        {"tool_calls",
         {{{"id", id}, {"type", "function"},
           {"function", {{"name", "view"}, {"arguments", "{\"path\":\"a.cc\"}"}}}}}}},
       {{"role", "tool"}, {"tool_call_id", id}, {"content", "int main() {}"}}});
}

}  // namespace

TEST_CASE("The socket forwards tools to an OpenAI upstream and returns its tool calls unchanged") {
  FakeProvider server;
  server.Script({OpenAiToolCallAnswer(), testing::OpenAiAnswer("done", 40, 2)});
  TempDir dir("model-proxy");
  ModelConfig config = Config(server);
  config.cache = dir.path() / "cache";
  ModelProxy proxy(std::make_shared<ModelClient>(config, ""), 10000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  json first = {{"messages", {{{"role", "user"}, {"content", "show a.cc"}}}},
                {"tools", kTools},
                {"tool_choice", "required"}};
  auto answer = client.Post("/v1/chat/completions", first.dump(), "application/json");
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
  json choice = json::parse(answer->body)["choices"][0];
  CHECK(choice["finish_reason"] == "tool_calls");
  CHECK(choice["message"]["content"].is_null());
  CHECK(choice["message"]["tool_calls"] ==
        json::parse(OpenAiToolCallAnswer().body)["choices"][0]["message"]["tool_calls"]);
  testing::Received got = server.received().at(0);
  CHECK(got.body["tools"] == kTools);
  CHECK(got.body["tool_choice"] == "required");

  json second = {{"messages", ToolTurn("call_1")}, {"tools", kTools}};
  answer = client.Post("/v1/chat/completions", second.dump(), "application/json");
  REQUIRE(answer);
  CHECK(json::parse(answer->body)["choices"][0]["message"]["content"] == "done");
  got = server.received().at(1);
  CHECK(got.body["messages"][1]["tool_calls"] == ToolTurn("call_1")[1]["tool_calls"]);
  CHECK(got.body["messages"][2] == ToolTurn("call_1")[2]);
  CHECK_FALSE(got.body.contains("tool_choice"));

  // The tools are part of the cache key, and a cached answer keeps its tool calls.
  answer = client.Post("/v1/chat/completions", first.dump(), "application/json");
  REQUIRE(answer);
  CHECK(server.count() == 2);
  CHECK(json::parse(answer->body)["choices"][0]["message"]["tool_calls"][0]["id"] == "call_1");
  json without_tools = {{"messages", first["messages"]}};
  server.Script({testing::OpenAiAnswer("plain", 5, 1)});
  answer = client.Post("/v1/chat/completions", without_tools.dump(), "application/json");
  REQUIRE(answer);
  CHECK(server.count() == 3);
  CHECK(json::parse(answer->body)["choices"][0]["message"]["content"] == "plain");
  CHECK(proxy.calls().at(0).response.find("-> view({\"path\":\"a.cc\"})") != std::string::npos);
}

TEST_CASE("The socket maps tools and tool calls to Anthropic's tool_use and tool_result blocks") {
  FakeProvider server;
  json tool_use = {{"id", "msg_1"},
                   {"type", "message"},
                   {"role", "assistant"},
                   {"content",
                    {{{"type", "text"}, {"text", "Let me look."}},
                     {{"type", "tool_use"}, {"id", "toolu_1"}, {"name", "view"},
                      {"input", {{"path", "a.cc"}}}}}},
                   {"stop_reason", "tool_use"},
                   {"usage", {{"input_tokens", 30}, {"output_tokens", 9}}}};
  server.Script({testing::Reply{.body = tool_use.dump()}, testing::AnthropicAnswer("done", 40, 2)});
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server, Provider::kAnthropic), ""), 10000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  json first = {{"messages", {{{"role", "user"}, {"content", "show a.cc"}}}},
                {"tools", kTools},
                {"tool_choice", "required"}};
  auto answer = client.Post("/v1/chat/completions", first.dump(), "application/json");
  REQUIRE(answer);
  REQUIRE(answer->status == 200);
  json choice = json::parse(answer->body)["choices"][0];
  CHECK(choice["finish_reason"] == "tool_calls");
  CHECK(choice["message"]["content"] == "Let me look.");
  json call = choice["message"]["tool_calls"][0];
  CHECK(call["id"] == "toolu_1");
  CHECK(call["type"] == "function");
  CHECK(call["function"]["name"] == "view");
  CHECK(json::parse(call["function"]["arguments"].get<std::string>()) == json{{"path", "a.cc"}});
  testing::Received got = server.received().at(0);
  CHECK(got.body["tools"] == json::parse(R"([{"name": "view", "description": "Show a file",
      "input_schema": {"type": "object", "properties": {"path": {"type": "string"}},
      "required": ["path"]}}])"));
  CHECK(got.body["tool_choice"] == json{{"type", "any"}});

  json turn = ToolTurn("toolu_1");
  turn.push_back({{"role", "tool"}, {"tool_call_id", "toolu_2"}, {"content", "second"}});
  answer = client.Post("/v1/chat/completions", json{{"messages", turn}, {"tools", kTools}}.dump(),
                       "application/json");
  REQUIRE(answer);
  CHECK(json::parse(answer->body)["choices"][0]["message"]["content"] == "done");
  json messages = server.received().at(1).body["messages"];
  REQUIRE(messages.size() == 3);  // user, assistant with tool_use, one user with both results
  CHECK(messages[1]["content"] ==
        json::parse(R"([{"type": "tool_use", "id": "toolu_1", "name": "view",
                         "input": {"path": "a.cc"}}])"));
  CHECK(messages[2]["role"] == "user");
  CHECK(messages[2]["content"] ==
        json::parse(R"([{"type": "tool_result", "tool_use_id": "toolu_1", "content": "int main() {}"},
                        {"type": "tool_result", "tool_use_id": "toolu_2", "content": "second"}])"));
}

TEST_CASE("A prompt hidden in tool definitions or call arguments is counted against the budget") {
  // The attack: a short message, and 400 KB of text in a tool's description or in a
  // replayed call's arguments, which the upstream reads as prompt all the same.
  FakeProvider server;
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 1000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  std::string bulk;
  while (bulk.size() < 400 * 1024) bulk += "Please read this line of the prompt again. ";
  json tools = kTools;
  tools[0]["function"]["description"] = bulk;
  json in_tools = {{"messages", {{{"role", "user"}, {"content", "hi"}}}}, {"tools", tools},
                   {"max_tokens", 10}};
  json turn = ToolTurn("call_1");
  turn[1]["tool_calls"][0]["function"]["arguments"] = json{{"path", bulk}}.dump();
  json in_arguments = {{"messages", turn}, {"max_tokens", 10}};
  for (const json& body : {in_tools, in_arguments}) {
    auto answer = client.Post("/v1/chat/completions", body.dump(), "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 429);
    CHECK_THAT(ErrorMessage(answer->body, "insufficient_quota"), Catch::Contains("for its prompt"));
  }
  CHECK(server.count() == 0);
  CHECK(proxy.tokens_used() == 0);
}

TEST_CASE("Malformed tools and tool calls get a 400 naming the entry and are not forwarded") {
  FakeProvider server;
  TempDir dir("model-proxy");
  ModelProxy proxy(std::make_shared<ModelClient>(Config(server), ""), 10000);
  REQUIRE(proxy.Start(dir.path() / "m.sock"));
  httplib::Client client = SocketClient(proxy.socket());
  json user = {{{"role", "user"}, {"content", "x"}}};
  std::vector<std::pair<json, std::string>> cases = {
      {{{"messages", user}, {"tools", {{{"type", "function"}, {"function", {{"description", "d"}}}}}}},
       "tools[0] must be"},
      {{{"messages", user}, {"tools", kTools}, {"tool_choice", "sometimes"}}, "'tool_choice' must be"},
      {{{"messages", {{{"role", "tool"}, {"content", "r"}}}}},
       "a message of role 'tool' needs a 'tool_call_id'"},
      {{{"messages", {{{"role", "assistant"}, {"content", ""}, {"tool_calls", {{{"id", "c"}}}}}}}},
       "tool_calls[0] needs an 'id' and a 'function' with a 'name'"}};
  for (const auto& [body, expected] : cases) {
    auto answer = client.Post("/v1/chat/completions", body.dump(), "application/json");
    REQUIRE(answer);
    CHECK(answer->status == 400);
    CHECK_THAT(ErrorMessage(answer->body, "invalid_request_error"), Catch::Contains(expected));
  }
  CHECK(server.count() == 0);
}

}  // namespace clade::model
