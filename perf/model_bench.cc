// Model layer benchmark, against the loopback provider of the tests (so it measures clade,
// not a model): (1) a client call, (2) the same call from an agent through the model
// socket, (3) an answer from the response cache, (4) concurrency: calls to a server that
// takes 50 ms per answer, 4 in flight. Prints a Markdown report.
//
//   model_bench [--calls N]
#include <sys/socket.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>
#include <vector>

#include <httplib.h>

#include "engine/model/model_client.h"
#include "engine/model/model_proxy.h"
#include "support/fs.h"
#include "tests/model/fake_provider.h"

namespace clade {
namespace {

using Clock = std::chrono::steady_clock;

double Ms(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

model::ModelConfig Config(const model::testing::FakeProvider& server) {
  model::ModelConfig config;
  config.base_url = server.base_url();
  config.name = "bench";
  config.retries = 0;
  return config;
}

model::ChatRequest Ask(int i) {
  return {.messages = {{"user", "question " + std::to_string(i)}}};
}

}  // namespace
}  // namespace clade

int main(int argc, char** argv) {
  using namespace clade;
  int calls = 200;
  for (int i = 1; i + 1 < argc; ++i) {
    if (std::strcmp(argv[i], "--calls") == 0) calls = std::atoi(argv[++i]);
  }
  model::testing::FakeProvider server;
  TempDir dir("model-bench");

  std::vector<double> direct;
  {
    model::ModelClient client(Config(server), "");
    for (int i = 0; i < calls; ++i) {
      auto start = Clock::now();
      if (!client.Chat(Ask(i))) return 1;
      direct.push_back(Ms(start));
    }
  }

  std::vector<double> socket;
  {
    auto client = std::make_shared<model::ModelClient>(Config(server), "");
    model::ModelProxy proxy(client, 1 << 30);
    if (!proxy.Start(dir.path() / "m.sock")) return 1;
    httplib::Client http(proxy.socket().string(), 80);
    http.set_address_family(AF_UNIX);
    for (int i = 0; i < calls; ++i) {
      std::string body =
          R"({"messages": [{"role": "user", "content": "question )" + std::to_string(i) + "\"}]}";
      auto start = Clock::now();
      auto response = http.Post("/v1/chat/completions", body, "application/json");
      if (!response || response->status != 200) return 1;
      socket.push_back(Ms(start));
    }
  }

  std::vector<double> cached;
  {
    model::ModelConfig config = Config(server);
    config.cache = dir.path() / "cache";
    model::ModelClient client(config, "");
    for (int i = 0; i < calls; ++i) (void)client.Chat(Ask(i));
    for (int i = 0; i < calls; ++i) {
      auto start = Clock::now();
      if (!client.Chat(Ask(i)).value().cached) return 1;
      cached.push_back(Ms(start));
    }
  }

  double parallel_ms = 0;
  const int slow_calls = 20;
  {
    server.Respond([](const model::testing::Received&) {
      model::testing::Reply reply = model::testing::OpenAiAnswer("ok");
      reply.delay_seconds = 0.05;
      return reply;
    });
    model::ModelConfig config = Config(server);
    config.concurrency = 4;
    model::ModelClient client(config, "");
    auto start = Clock::now();
    std::vector<std::thread> threads;
    for (int t = 0; t < 8; ++t) {
      threads.emplace_back([&, t] {
        for (int i = t; i < slow_calls; i += 8) (void)client.Chat(Ask(1000 + i));
      });
    }
    for (auto& thread : threads) thread.join();
    parallel_ms = Ms(start);
  }

  std::printf("| measure | median |\n|---|---|\n");
  std::printf("| client call to the loopback provider (%d calls) | %.2f ms |\n", calls, Median(direct));
  std::printf("| the same call from an agent through the model socket | %.2f ms |\n", Median(socket));
  std::printf("| an answer from the response cache | %.3f ms |\n", Median(cached));
  std::printf("| %d calls of 50 ms each from 8 threads, concurrency 4 | %.0f ms (ideal %d ms) |\n",
              slow_calls, parallel_ms, (slow_calls + 3) / 4 * 50);
  return 0;
}
