// agents/coder, built with the real harness and run in the sandbox on a task of
// benchmarks/exercises, with a scripted model: a loopback OpenAI or Anthropic server
// behind the engine's ModelProxy (answering with the text tool-call format, or natively
// with tool_use blocks the socket turns into OpenAI tool_calls, or refusing tools), or a
// small scripted server on a Unix socket answering with OpenAI tool_calls.
#include <fstream>
#include <regex>

#include "tests/agents/scripted_model.h"
#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <httplib.h>
#include <sys/file.h>
#include <sys/socket.h>
#include <unistd.h>

#include "engine/model/model_proxy.h"
#include "sandbox/agent_spec.h"
#include "sandbox/harness.h"
#include "sandbox/protections.h"
#include "sandbox/suite.h"
#include "support/fs.h"

namespace clade {
namespace {

namespace fs = std::filesystem;
using agents_test::ScriptedModelConfig;
using agents_test::TextCall;
using model::testing::FakeProvider;
using model::testing::OpenAiAnswer;
using model::testing::Received;
using nlohmann::json;

sandbox::HarnessOptions Options(const fs::path& work) {
  sandbox::HarnessOptions options{.work = work};
  if (sandbox::CurrentProtections().bubblewrap) options.isolation = sandbox::Isolation::kBubblewrap;
  return options;
}

// The agent, built once per test process in a slot of its own (a slot is emptied when it
// is opened, so two processes must not share one).
struct BuiltAgent {
  TempDir work{"coder-harness"};
  std::optional<sandbox::Slot> slot;
  sandbox::AgentSpec spec;
  sandbox::BuildResult build;
};

const BuiltAgent& Agent() {
  static const BuiltAgent& agent = *[] {
    auto* built = new BuiltAgent;  // lives as long as the process: tasks run in its slot
    fs::path source = testing::SourceDir() / "agents/coder";
    built->spec = sandbox::LoadAgentSpec(source).value();
    built->slot.emplace(sandbox::Slot::Open(built->work.path() / "slot-0", 1ull << 30).value());
    built->build =
        sandbox::BuildAgent(Options(built->work.path()), built->spec, source, *built->slot)
            .value();
    INFO(built->build.log);
    REQUIRE(built->build.ok());
    return built;
  }();
  return agent;
}

const sandbox::Suite& Exercises() {
  static const sandbox::Suite suite =
      sandbox::LoadSuite(testing::SourceDir() / "benchmarks/exercises").value();
  return suite;
}

const sandbox::Task& ExerciseTask(const std::string& id) {
  for (const sandbox::Task& task : Exercises().tasks) {
    if (task.id == id) return task;
  }
  FAIL("no task " << id << " in benchmarks/exercises");
  throw std::logic_error("unreachable");
}

// Runs the agent on the task with `model` serving it (none when null).
sandbox::TaskResult RunOn(const std::string& id, const fs::path& work,
                          sandbox::ModelSockets* model = nullptr) {
  const BuiltAgent& agent = Agent();
  sandbox::HarnessOptions options = Options(work);
  options.model = model;
  return sandbox::RunTask(options, agent.spec, agent.build, Exercises(), ExerciseTask(id)).value();
}

// Serves every agent run from one socket that a test's own server listens on.
class FixedSocket : public sandbox::ModelSockets {
 public:
  explicit FixedSocket(fs::path socket) : socket_(std::move(socket)) {}
  Result<fs::path> Open() override { return socket_; }
  void Close(const fs::path&) override {}

 private:
  fs::path socket_;
};

// The upstream server and the engine's model socket in front of it.
struct ProxiedModel {
  TempDir dir{"coder-test"};
  FakeProvider server;
  model::ModelProxy proxy;
  explicit ProxiedModel(int64_t budget, model::Provider provider = model::Provider::kOpenAi)
      : proxy(std::make_shared<model::ModelClient>(
                  ScriptedModelConfig(server.base_url(), provider), ""),
              budget) {
    REQUIRE(proxy.Start(dir.path() / "model.sock"));
  }
};

TEST_CASE("coder solves an exercise: views the stub, writes it, runs the visible tests") {
  ProxiedModel model(1000000);
  std::string solution = ReadFile(ExerciseTask("slugify").dir / "reference/slugify.cc").value();
  REQUIRE(!solution.empty());
  model.server.Script({
      OpenAiAnswer("Let me look at the stub first.\n" +
                   TextCall("view_file", {{"path", "slugify.cc"}})),
      OpenAiAnswer(TextCall("create_file", {{"path", "slugify.cc"}, {"content", solution}})),
      // A model that ignores the tags and writes a fenced JSON call is understood too.
      OpenAiAnswer("Now the tests:\n```json\n{\"name\": \"run_tests\", \"arguments\": {}}\n```\n"),
      OpenAiAnswer("slugify is implemented and the visible tests pass."),
  });
  sandbox::TaskResult outcome = RunOn("slugify", model.dir.path() / "work", &model.proxy);
  INFO(outcome.log);
  CHECK(outcome.score == 1.0);
  CHECK(outcome.status == "solved");
  CHECK(outcome.log.find("coder: done: the model answered without a tool call after 4 turns") !=
        std::string::npos);
  std::vector<Received> received = model.server.received();
  REQUIRE(received.size() == 4);
  // The first request: the tools explained, the statement and the workspace's files.
  CHECK(received[0].System().find("<tool_call>") != std::string::npos);
  std::string task = received[0].LastUser();
  CHECK(task.find("# Task slugify") != std::string::npos);
  CHECK(task.find("slugify.h\n") != std::string::npos);
  CHECK(task.find("tests_visible/tests.cc\n") != std::string::npos);
  CHECK(task.find("run_tests runs `sh run_tests.sh`") != std::string::npos);
  // The stub, with line numbers.
  std::string viewed = received[1].LastUser();
  CHECK(viewed.find("<tool_result name=\"view_file\">\n1\t#include \"slugify.h\"\n") !=
        std::string::npos);
  CHECK(viewed.find("5\tstd::string slugify(std::string_view title) {\n") != std::string::npos);
  CHECK(received[2].LastUser().find("Overwrote slugify.cc") != std::string::npos);
  // The visible tests' output.
  std::string tested = received[3].LastUser();
  CHECK(tested.find("[exit code 0]") != std::string::npos);
  CHECK(tested.find("PASS ") != std::string::npos);
  CHECK(tested.find("3 passed, 0 failed") != std::string::npos);
  // Each request carries the whole conversation.
  CHECK(received[3].body["messages"].size() == 8);
  CHECK(model.proxy.calls().size() == 4);
}

TEST_CASE("coder through the model socket to an Anthropic upstream: native tool_use calls solve an exercise") {
  ProxiedModel model(1000000, model::Provider::kAnthropic);
  std::string solution = ReadFile(ExerciseTask("slugify").dir / "reference/slugify.cc").value();
  model.server.Script({
      {.body = agents_test::AnthropicToolUse("toolu_1", "view_file", {{"path", "slugify.cc"}},
                                             "Let me look at the stub first.")},
      {.body = agents_test::AnthropicToolUse("toolu_2", "create_file",
                                             {{"path", "slugify.cc"}, {"content", solution}})},
      {.body = agents_test::AnthropicToolUse("toolu_3", "run_tests", json::object())},
      model::testing::AnthropicAnswer("slugify is implemented and the visible tests pass."),
  });
  sandbox::TaskResult outcome = RunOn("slugify", model.dir.path() / "work", &model.proxy);
  INFO(outcome.log);
  CHECK(outcome.score == 1.0);
  CHECK(outcome.log.find("coder: done: the model answered without a tool call after 4 turns") !=
        std::string::npos);
  std::vector<Received> received = model.server.received();
  REQUIRE(received.size() == 4);
  // The agent's OpenAI tools reach Anthropic as its tools, schema and all.
  REQUIRE(received[0].body["tools"].size() == 5);
  CHECK(received[0].body["tools"][0].contains("input_schema"));
  // The agent answered each call natively: tool_use blocks in the assistant's turn, its
  // results as tool_result blocks of the next user turn.
  json messages = received[1].body["messages"];
  REQUIRE(messages.size() == 3);
  CHECK(messages[1]["content"][1]["type"] == "tool_use");
  CHECK(messages[1]["content"][1]["id"] == "toolu_1");
  CHECK(messages[2]["content"][0]["type"] == "tool_result");
  CHECK(messages[2]["content"][0]["tool_use_id"] == "toolu_1");
  CHECK(messages[2]["content"][0]["content"].get<std::string>().find(
            "5\tstd::string slugify(std::string_view title) {\n") != std::string::npos);
  std::string tested = received[3].body["messages"].back()["content"][0]["content"];
  CHECK(tested.find("3 passed, 0 failed") != std::string::npos);
}

TEST_CASE("coder falls back to its text protocol when the server refuses tools") {
  ProxiedModel model(1000000);
  std::string solution = ReadFile(ExerciseTask("slugify").dir / "reference/slugify.cc").value();
  std::vector<std::string> answers = {
      TextCall("create_file", {{"path", "slugify.cc"}, {"content", solution}}),
      TextCall("run_tests", json::object()), "Done."};
  auto next = std::make_shared<size_t>(0);
  model.server.Respond([answers, next](const Received& got) {
    if (got.body.contains("tools")) {  // as llama.cpp's server without --jinja answers
      return model::testing::OpenAiError(400, "invalid_request_error",
                                         "tools param requires --jinja flag");
    }
    return OpenAiAnswer(answers.at(std::min((*next)++, answers.size() - 1)));
  });
  sandbox::TaskResult outcome = RunOn("slugify", model.dir.path() / "work", &model.proxy);
  INFO(outcome.log);
  CHECK(outcome.score == 1.0);
  CHECK(outcome.log.find("going on with the text tool-call protocol") != std::string::npos);
  std::vector<Received> received = model.server.received();
  REQUIRE(received.size() == 4);  // the refused call, then three without tools
  CHECK(received[0].body.contains("tools"));
  for (size_t i = 1; i < received.size(); ++i) CHECK_FALSE(received[i].body.contains("tools"));
}

// A model server on a Unix socket answering with OpenAI tool_calls, in chunked transfer
// encoding (as some servers send), from a script; every request body is kept.
class ToolCallServer {
 public:
  explicit ToolCallServer(const fs::path& socket, std::vector<json> messages)
      : messages_(std::move(messages)) {
    server_.set_address_family(AF_UNIX);
    server_.Post("/v1/chat/completions", [this](const httplib::Request& request,
                                                httplib::Response& response) {
      json message;
      {
        std::lock_guard lock(mutex_);
        requests_.push_back(json::parse(request.body));
        message = messages_.at(std::min(requests_.size(), messages_.size()) - 1);
      }
      auto body = std::make_shared<std::string>(
          json{{"object", "chat.completion"},
               {"choices", {{{"index", 0}, {"message", message}, {"finish_reason", "stop"}}}},
               {"usage", {{"prompt_tokens", 10}, {"completion_tokens", 5}}}}
              .dump());
      response.set_chunked_content_provider(
          "application/json", [body](size_t, httplib::DataSink& sink) {
            sink.write(body->data(), body->size() / 2);
            sink.write(body->data() + body->size() / 2, body->size() - body->size() / 2);
            sink.done();
            return true;
          });
    });
    REQUIRE(server_.bind_to_port(socket.string(), 80));
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ToolCallServer() {
    server_.stop();
    thread_.join();
  }
  std::vector<json> requests() {
    std::lock_guard lock(mutex_);
    return requests_;
  }

 private:
  std::vector<json> messages_;
  httplib::Server server_;
  std::thread thread_;
  std::mutex mutex_;
  std::vector<json> requests_;
};

json NativeCall(const std::string& id, const std::string& name, const json& arguments) {
  return {{"id", id},
          {"type", "function"},
          {"function", {{"name", name}, {"arguments", arguments.dump()}}}};
}

TEST_CASE("coder with OpenAI tool_calls: an ambiguous edit is refused with a clear error") {
  TempDir dir("coder-test");
  // The stub names `title` twice: the edit must not happen.
  ToolCallServer server(
      dir.path() / "model.sock",
      {{{"role", "assistant"},
        {"content", nullptr},
        {"tool_calls",
         {NativeCall("call_a", "edit_file",
                     {{"path", "slugify.cc"}, {"old_str", "title"}, {"new_str", "name"}}),
          NativeCall("call_b", "view_file", {{"path", "slugify.cc"}, {"start_line", 5}})}}},
       {{"role", "assistant"}, {"content", "I cannot do more."}}});
  FixedSocket socket(dir.path() / "model.sock");
  sandbox::TaskResult outcome = RunOn("slugify", dir.path() / "work", &socket);
  INFO(outcome.log);
  std::vector<json> requests = server.requests();
  REQUIRE(requests.size() == 2);
  CHECK(requests[0]["tools"].size() == 5);
  CHECK(requests[0]["tools"][2]["function"]["name"] == "edit_file");
  json messages = requests[1]["messages"];
  REQUIRE(messages.size() == 5);  // system, task, assistant with tool_calls, two tool results
  CHECK(messages[2]["tool_calls"][0]["id"] == "call_a");
  CHECK(messages[3]["role"] == "tool");
  CHECK(messages[3]["tool_call_id"] == "call_a");
  std::string refusal = messages[3]["content"];
  CHECK(refusal.find("Error: old_str occurs 2 times in slugify.cc (at lines 5, 6); nothing was "
                     "changed.") != std::string::npos);
  CHECK(messages[4]["tool_call_id"] == "call_b");
  CHECK(messages[4]["content"] ==
        "5\tstd::string slugify(std::string_view title) {\n6\t  (void)title;\n"
        "7\t  throw std::logic_error(\"slugify: not implemented\");\n8\t}\n");
  CHECK(outcome.score == 0.0);  // the stub is still there
}

TEST_CASE("coder stops at its turn limit and drops old tool output as the history grows") {
  ProxiedModel model(100000000);
  // Each call prints about 14 KB (sent back capped at 12 KB): the history passes the
  // agent's context limit within a dozen turns.
  model.server.Respond([](const Received&) {
    return OpenAiAnswer(TextCall("run_command", {{"command", "seq 1 3000"}}));
  });
  sandbox::TaskResult outcome = RunOn("slugify", model.dir.path() / "work", &model.proxy);
  INFO(outcome.log);
  std::smatch match;
  REQUIRE(std::regex_search(outcome.log, match,
                            std::regex("coder: stopped: turn limit \\((\\d+) turns\\)")));
  int turns = std::stoi(match[1]);
  CHECK(turns > 1);
  CHECK(model.server.count() == static_cast<size_t>(turns));
  CHECK(outcome.log.find("== agent (ok") != std::string::npos);
  // The output is capped in the middle, and the oldest results were replaced by a note.
  std::vector<Received> received = model.server.received();
  std::string first_result = received.at(1).LastUser();
  CHECK(first_result.find("[exit code 0]\n1\n2\n3\n") != std::string::npos);
  CHECK(first_result.find("bytes of output left out ...]") != std::string::npos);
  CHECK(first_result.find("\n2999\n3000\n") != std::string::npos);
  CHECK(outcome.log.find("old tool results") != std::string::npos);
  json last = received.back().body["messages"];
  CHECK(last[3]["content"].get<std::string>().find("removed to keep the context short") !=
        std::string::npos);
  CHECK(last.dump().size() < 200000);
}

TEST_CASE("coder ends cleanly when the model socket refuses: the budget is spent") {
  // One answer of 100000 + 5 tokens spends it (the first call's prompt fits in its estimate).
  ProxiedModel model(100000);
  // A call the agent cannot read (a raw newline inside a JSON string): the error goes back.
  model.server.Respond([](const Received&) {
    return OpenAiAnswer(
        "<tool_call>\n{\"name\": \"create_file\", \"arguments\": {\"path\": \"a.cc\", "
        "\"content\": \"int x;\nint y;\"}}\n</tool_call>",
        100000, 5);
  });
  sandbox::TaskResult outcome = RunOn("slugify", model.dir.path() / "work", &model.proxy);
  INFO(outcome.log);
  CHECK(outcome.log.find("coder: stopped: the model budget is spent (HTTP 429: The model budget "
                         "of this agent run (100000 tokens) is spent.") != std::string::npos);
  CHECK(outcome.log.find("== agent (ok") != std::string::npos);
  CHECK(model.server.count() == 1);
  std::vector<model::ProxyCall> calls = model.proxy.calls();
  REQUIRE(calls.size() == 2);
  CHECK(calls[1].status == "budget");
  // The refused request carried the error about the unreadable call.
  CHECK(calls[1].request.find("<tool_result name=\"\">\nError: a <tool_call> block could not "
                              "be read (") != std::string::npos);
  CHECK(calls[1].request.find("newlines in strings escaped") != std::string::npos);
}

TEST_CASE("coder without a model socket exits 0 and leaves the workspace as it was") {
  TempDir dir("coder-test");
  sandbox::TaskResult outcome = RunOn("slugify", dir.path() / "work");
  INFO(outcome.log);
  CHECK(outcome.log.find("== agent (ok") != std::string::npos);
  CHECK(outcome.log.find("coder: no model (CLADE_MODEL_SOCKET is not set); nothing done\n") !=
        std::string::npos);
  CHECK(outcome.score == 0.0);

  // The same binary run directly on a copy of the workspace: nothing in it changes.
  fs::path workspace = dir.path() / "workspace";
  fs::copy(ExerciseTask("slugify").workspace(), workspace, fs::copy_options::recursive);
  testing::WriteTree(dir.path(), {{"task.json", R"({"id": "slugify", "statement": "x"})"}});
  auto snapshot = [&] {
    std::map<std::string, std::string> files;
    for (const auto& entry : fs::recursive_directory_iterator(workspace)) {
      files[fs::relative(entry.path(), workspace).string()] =
          entry.is_regular_file() ? ReadFile(entry.path()).value() : "<dir>";
    }
    return files;
  };
  auto before = snapshot();
  testing::CommandOutput run = testing::Shell(
      "cd " + testing::Quote(workspace.string()) + " && env -u CLADE_MODEL_SOCKET CLADE_TASK=" +
      testing::Quote((dir.path() / "task.json").string()) + " " +
      testing::Quote((Agent().build.build / "coder-agent").string()));
  CHECK(run.exit_code == 0);
  CHECK(run.output == "coder: no model (CLADE_MODEL_SOCKET is not set); nothing done\n");
  CHECK(snapshot() == before);
}

}  // namespace
}  // namespace clade
