// Measures agents/coder against a scripted model (no real model runs here): for each named
// task of benchmarks/exercises, the agent is built and run in the sandbox behind the real
// ModelProxy; the loopback model views the stub, writes the reference solution, runs the
// visible tests and stops. Prints, per task, the score, the turns, where the agent's time
// went (model calls, tools, the rest) and the bytes of each request (what a real model
// would read: about 4 bytes per token). Not a test: built with CLADE_BUILD_PERF.
//
//   coder_measure SOURCE_DIR WORK_DIR TASK...
#include <chrono>
#include <cstdio>
#include <fstream>
#include <regex>
#include <sstream>

#include "tests/agents/scripted_model.h"
#include "tests/model/fake_provider.h"

#include "engine/model/model_proxy.h"
#include "sandbox/agent_spec.h"
#include "sandbox/harness.h"
#include "sandbox/protections.h"
#include "sandbox/suite.h"
#include "support/fs.h"

namespace {

namespace fs = std::filesystem;
using namespace clade;
using agents_test::ScriptedModelConfig;
using agents_test::TextCall;
using model::testing::OpenAiAnswer;
using model::testing::Received;
using nlohmann::json;

// The scripted model: the step is the number of assistant messages so far.
model::testing::Reply Script(const sandbox::Task& task, const Received& request) {
  int step = 0;
  for (const json& message : request.body["messages"]) step += message["role"] == "assistant";
  std::string answer;
  for (const auto& entry : fs::directory_iterator(task.dir / "reference")) {
    std::string name = entry.path().filename().string();
    if (step == 0) answer += TextCall("view_file", {{"path", name}});
    if (step == 1)
      answer += TextCall("create_file", {{"path", name}, {"content", ReadFile(entry).value()}});
  }
  if (step == 2) answer = TextCall("run_tests", json::object());
  if (step >= 3) answer = "Done.";
  return OpenAiAnswer(answer);
}

double Sum(const std::string& log, const std::regex& pattern) {
  double total = 0;
  for (auto it = std::sregex_iterator(log.begin(), log.end(), pattern);
       it != std::sregex_iterator(); ++it) {
    total += std::stod((*it)[1]);
  }
  return total;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: coder_measure SOURCE_DIR WORK_DIR TASK...\n");
    return 2;
  }
  fs::path source = argv[1];
  fs::path work = fs::absolute(argv[2]);
  sandbox::HarnessOptions options{.work = work};
  if (sandbox::CurrentProtections().bubblewrap) options.isolation = sandbox::Isolation::kBubblewrap;
  sandbox::AgentSpec spec = sandbox::LoadAgentSpec(source / "agents/coder").value();
  sandbox::Slot slot = sandbox::Slot::Open(work / "slot-0", 1ull << 30).value();
  sandbox::BuildResult build =
      sandbox::BuildAgent(options, spec, source / "agents/coder", slot).value();
  std::printf("build: %s, %.1f s\n",
              build.ok() ? "ok" : std::string(clade::EvalStatusName(*build.failure)).c_str(),
              build.seconds);
  if (!build.ok()) return 1;
  sandbox::Suite suite = sandbox::LoadSuite(source / "benchmarks/exercises").value();
  std::printf("%-18s %5s %5s %8s %8s %8s %8s  %s\n", "task", "score", "turns", "agent_s", "model_s",
              "tools_s", "other_s", "request bytes per turn");
  for (int i = 3; i < argc; ++i) {
    const sandbox::Task* task = nullptr;
    for (const sandbox::Task& t : suite.tasks) task = t.id == argv[i] ? &t : task;
    if (task == nullptr) {
      std::fprintf(stderr, "no task %s in benchmarks/exercises\n", argv[i]);
      return 2;
    }
    model::testing::FakeProvider server;
    server.Respond([task](const Received& request) { return Script(*task, request); });
    model::ModelProxy proxy(
        std::make_shared<model::ModelClient>(ScriptedModelConfig(server.base_url()), ""), 1000000);
    if (!proxy.Start(work / "model.sock")) return 1;
    options.model = &proxy;
    sandbox::TaskResult outcome = sandbox::RunTask(options, spec, build, suite, *task).value();
    proxy.Stop();
    std::smatch agent;
    std::regex_search(outcome.log, agent, std::regex("== agent \\([a-z_]+, ([0-9.]+) s, "));
    double agent_seconds = agent.empty() ? 0 : std::stod(agent[1]);
    double model_seconds = Sum(outcome.log, std::regex("coder: turn \\d+: model ([0-9.]+) s"));
    double tool_seconds = Sum(outcome.log, std::regex("tool calls \\([^)]*\\) ([0-9.]+) s"));
    std::string sizes;
    for (const Received& request : server.received()) {
      sizes += (sizes.empty() ? "" : " ") + std::to_string(request.body["messages"].dump().size());
    }
    std::printf("%-18s %5.2f %5zu %8.1f %8.1f %8.1f %8.1f  %s\n", task->id.c_str(), outcome.score,
                server.count(), agent_seconds, model_seconds, tool_seconds,
                agent_seconds - model_seconds - tool_seconds, sizes.c_str());
    if (outcome.score < 1) std::printf("%s\n", outcome.log.c_str());
  }
  return 0;
}
