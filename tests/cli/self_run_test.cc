// A Darwin-Gödel-style run end to end without a hosted model (issue 20.4): `clade run`
// with the self mutator on agents/coder and benchmarks/exercises, against a scripted
// loopback model (OpenAI protocol, behind the engine's model socket) that holds real
// multi-turn conversations with native tool calls:
//   - asked to diagnose, it proposes sharpening the agent's system prompt;
//   - as the agent improving itself, it views src/prompts.cc, then edits it: usually it
//     adds a sentence to the system prompt, but every third time it makes an edit that
//     parses and does not link (the child's build fails);
//   - as the agent on an exercise, it solves the task only when the system prompt holds
//     that sentence, so a child that made the edit scores above the seed.
// Checked: the lineage in git, the costs per model, a lesson per child that later
// prompts show and records name, and the key in no file of the run.
#include <cstdlib>
#include <fstream>

#include "tests/cli/cli_test_util.h"
#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fmt/format.h>

namespace clade::cli_test {
namespace {

using model::testing::FakeProvider;
using model::testing::Received;
using nlohmann::json;

constexpr char kKey[] = "sk-self-run-sentinel-5f3a9c1e77";
constexpr char kKeyEnv[] = "CLADE_SELF_RUN_TEST_KEY";
constexpr char kMarker[] = "Check every edge case twice";
constexpr char kAnchor[] =
    "You solve the task by calling tools, one step at a time, until the work is done and "
    "tested.";

// An OpenAI answer calling tools natively: (name, arguments) pairs.
model::testing::Reply Calls(const std::vector<std::pair<std::string, json>>& calls, int turn) {
  json list = json::array();
  for (size_t i = 0; i < calls.size(); ++i) {
    list.push_back({{"id", fmt::format("call_{}_{}", turn, i)},
                    {"type", "function"},
                    {"function", {{"name", calls[i].first}, {"arguments", calls[i].second.dump()}}}});
  }
  json body = {{"id", "chatcmpl-self"},
               {"object", "chat.completion"},
               {"choices",
                {{{"index", 0},
                  {"message", {{"role", "assistant"}, {"content", nullptr}, {"tool_calls", list}}},
                  {"finish_reason", "tool_calls"}}}},
               {"usage", {{"prompt_tokens", 120}, {"completion_tokens", 30}, {"total_tokens", 150}}}};
  return model::testing::Reply{.body = body.dump()};
}

size_t AssistantTurns(const json& messages) {
  size_t turns = 0;
  for (const json& message : messages) turns += message.value("role", "") == "assistant";
  return turns;
}

// The scripted model. `self_runs` counts the self-improvement conversations begun.
class ScriptedModel {
 public:
  explicit ScriptedModel(fs::path exercise) : exercise_(std::move(exercise)) {}

  model::testing::Reply Answer(const Received& got) {
    json messages = got.body.value("messages", json::array());
    std::string first_user = messages.size() > 1 ? messages[1].value("content", "") : "";
    size_t turn = AssistantTurns(messages);
    if (got.LastUser().find("Find out why") != std::string::npos) {
      return model::testing::OpenAiAnswer(
          "Title: Sharpen the system prompt\n\nDiagnosis: the agent stops before the work is "
          "done.\n\nProposal: in src/prompts.cc, SystemPrompt, ask for more care.",
          200, 40);
    }
    if (first_user.find("You are working on your own source code") != std::string::npos) {
      return SelfTurn(turn);
    }
    return ExerciseTurn(messages[0].value("content", ""), turn);
  }

  int self_runs() const { return self_runs_; }

 private:
  model::testing::Reply SelfTurn(size_t turn) {
    if (turn == 0) {
      ++self_runs_;
      return Calls({{"view_file", {{"path", "src/prompts.cc"}}}}, 0);
    }
    if (turn == 1 && self_runs_ % 3 == 1) {  // parses, does not link
      return Calls({{"edit_file",
                     {{"path", "src/prompts.cc"},
                      {"old_str", "std::string SystemPrompt() {"},
                      {"new_str",
                       "long CladeMissingHelper();\nstd::string SystemPrompt() {\n"
                       "  (void)CladeMissingHelper();"}}}},
                   1);
    }
    if (turn == 1) {
      return Calls({{"edit_file",
                     {{"path", "src/prompts.cc"},
                      {"old_str", kAnchor},
                      {"new_str", fmt::format("{} {} ({}).", kAnchor, kMarker, self_runs_)}}}},
                   1);
    }
    return model::testing::OpenAiAnswer("The system prompt now asks for more care.", 150, 10);
  }

  model::testing::Reply ExerciseTurn(const std::string& system, size_t turn) {
    bool careful = system.find(kMarker) != std::string::npos;
    if (turn == 0 && careful) {
      return Calls({{"create_file", {{"path", "bank.h"}, {"content", Read("bank.h")}}},
                    {"create_file", {{"path", "bank.cc"}, {"content", Read("bank.cc")}}}},
                   0);
    }
    return model::testing::OpenAiAnswer("Done.", 100, 5);
  }

  std::string Read(const std::string& name) const {
    return ReadFile(exercise_ / "reference" / name).value();
  }

  fs::path exercise_;
  int self_runs_ = 0;
};

// Every occurrence of `needle` in the files under `dir` (binary files included), by path.
std::vector<std::string> FilesHolding(const fs::path& dir, const std::string& needle) {
  std::vector<std::string> found;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, error);
       it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (error || !it->is_regular_file(error) || it->is_symlink(error)) continue;
    Result<std::string> text = ReadFile(it->path());
    if (text && text->find(needle) != std::string::npos) found.push_back(it->path().string());
  }
  return found;
}

TEST_CASE("A self-improving run of agents/coder on exercises against a scripted model") {
  Workspace w;
  fs::path source = testing::SourceDir();
  ScriptedModel script(source / "benchmarks/exercises/tasks/bank-account");
  FakeProvider server(kKey);  // answers 401 without the key
  std::mutex mutex;
  server.Respond([&](const Received& got) {
    std::lock_guard lock(mutex);
    return script.Answer(got);
  });
  ::setenv(kKeyEnv, kKey, 1);
  fs::path archive = w.root() / "runs" / "self.git";
  fs::path config = w.root() / "self.yaml";
  REQUIRE(WriteFile(
      config,
      fmt::format("run: {{name: self, archive: runs/self.git, seed: 11}}\n"
                  "agent: {0}/agents/coder\nbenchmark: {0}/benchmarks/exercises\nmutator: self\n"
                  "model: {{provider: openai, name: scripted, base_url: \"{1}\", retries: 0,\n"
                  "        api_key_env: {2}, price_input: 2, price_output: 8}}\n"
                  "evaluation: {{tasks: 1}}\nbudget: {{variants: 5}}\n",
                  source.string(), server.base_url(), kKeyEnv)));
  fs::path work = w.root() / "work";
  Run run = Clade({"run", config.string(), "--work", work.string()});
  ::unsetenv(kKeyEnv);
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  // The lineage: five children of the self mutator; every third self-edit broke the build,
  // the others made the agent solve the exercise the seed did not.
  std::string archive_flag = "--archive=" + archive.string();
  json log = Json(Clade({"log", "--json", archive_flag}));
  REQUIRE(log.size() == 6);
  CHECK(script.self_runs() == 5);
  CHECK(log[0]["score"] == 0.0);
  int broken = 0, better = 0;
  for (size_t id = 1; id < log.size(); ++id) {
    INFO("variant " << id << ": " << log[id].dump());
    broken += log[id]["status"] == "build_failed";
    better += log[id]["status"] == "evaluated" && log[id]["score"] == 1.0;
  }
  CHECK(broken == 2);  // self runs 1 and 4
  CHECK(better == 3);
  Run graph = Git({"--git-dir=" + archive.string(), "log", "--format=%s",
                   "--glob=refs/clade/variants/*"});
  CHECK(std::count(graph.out.begin(), graph.out.end(), '\n') == 6);
  CHECK_THAT(graph.out, Catch::Contains("self: Sharpen the system prompt"));
  json shown = Json(Clade({"show", "2", "--json", "--diff", archive_flag}));
  CHECK_THAT(shown.dump(), Catch::Contains(kMarker));

  // Costs per model: the diagnoses and the agent's own calls while improving itself.
  json status = Json(Clade({"status", "--json", archive_flag}));
  REQUIRE(status["models"].size() == 1);
  CHECK(status["models"][0]["name"] == "scripted");
  CHECK(status["models"][0]["children"] == 5);
  CHECK(status["models"][0]["improvements"].get<int>() >= 1);
  CHECK(status["models"][0]["tokens"].get<int64_t>() > 0);
  CHECK(status["models"][0]["cost"].get<double>() > 0);

  // The run memory: a lesson per child; the build failure is a lesson later prompts show.
  json lessons = Json(Clade({"memory", "--json", archive_flag}));
  REQUIRE(lessons.size() == 5);
  CHECK(lessons[0]["status"] == "build_failed");
  CHECK(lessons[0]["files"] == std::vector<std::string>{"src/prompts.cc"});
  CHECK(lessons[0]["functions"] == std::vector<std::string>{"SystemPrompt"});
  json second = Json(Clade({"show", "2", "--json", archive_flag}));
  CHECK(second["record"]["mutation"]["lessons"] == std::vector<int>{1});
  bool shown_to_self = false;
  for (const Received& got : server.received()) {
    json messages = got.body.value("messages", json::array());
    std::string first_user = messages.size() > 1 ? messages[1].value("content", "") : "";
    if (first_user.find("You are working on your own source code") != std::string::npos &&
        first_user.find("#1 from #0 (self, scripted): build_failed") != std::string::npos) {
      shown_to_self = true;  // the lesson reached the agent's own task statement
    }
  }
  CHECK(shown_to_self);

  // The key: sent to the server on every call, and in no file of the run (the archive's
  // objects read through git, the work directory, the caches, the config), nor its output.
  for (const Received& got : server.received()) CHECK(got.headers.at("authorization") == std::string("Bearer ") + kKey);
  CHECK(FilesHolding(w.root(), kKey).empty());
  Run objects = Git({"--git-dir=" + archive.string(), "cat-file", "--batch-all-objects", "--batch"});
  REQUIRE(objects.exit_code == 0);
  CHECK(objects.out.find(kMarker) != std::string::npos);  // the objects were read
  CHECK(objects.out.find(kKey) == std::string::npos);
  CHECK(run.out.find(kKey) == std::string::npos);
  CHECK(run.err.find(kKey) == std::string::npos);
}

}  // namespace
}  // namespace clade::cli_test
