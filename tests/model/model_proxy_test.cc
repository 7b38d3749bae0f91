#include "engine/model/model_proxy.h"

#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
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
  return client;
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
  ModelProxy proxy(client, 20);  // two answers of 15 tokens pass 20: the third is refused
  REQUIRE(proxy.Start(f.dir.path() / "work/model.sock"));

  sandbox::HarnessOptions options{.work = f.dir.path() / "work"};
  options.model_socket = proxy.socket();
  // Through bubblewrap (private /tmp, no network) where it works: the socket is bound in.
  if (sandbox::CurrentProtections().bubblewrap) options.isolation = sandbox::Isolation::kBubblewrap;
  sandbox::AgentSpec spec = sandbox::LoadAgentSpec(f.agent).value();
  sandbox::Slot slot = sandbox::Slot::Open(options.work / "slot-0", 256 << 20).value();
  sandbox::BuildOutcome build = sandbox::BuildAgent(options, spec, f.agent, slot).value();
  INFO(build.log);
  REQUIRE(build.ok());
  sandbox::Suite suite = sandbox::LoadSuite(f.suite).value();
  sandbox::TaskOutcome outcome =
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

}  // namespace clade::model
