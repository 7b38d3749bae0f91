// The run memory (`memory`, `clade memory`), end to end: the real binary, the llm mutator, a
// real C++ agent built in the sandbox, and a loopback OpenAI server whose answers depend on
// the lessons its prompts show. Without a lesson it answers with an edit that breaks the
// build; with the lesson of that broken build in its prompt it answers with the fix. So a
// later child does better because an earlier one failed, and the lessons are in git.
#include <algorithm>

#include "tests/cli/cli_test_util.h"
#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::cli_test {
namespace {

using model::testing::FakeProvider;
using model::testing::Received;

constexpr const char* kLessonsHeading = "## Lessons from earlier children";

std::string Edit(const std::string& replacement) {
  return fmt::format("src/agent.cc\n```cpp\n<<<<<<< SEARCH\n  return x * x + 1;\n=======\n"
                     "  {}\n>>>>>>> REPLACE\n```\n",
                     replacement);
}

// Diagnoses every failure alike; implements with a broken edit unless the prompt shows
// the lesson of a child whose build failed.
void LearnFromFailures(FakeProvider& server) {
  server.Respond([](const Received& got) {
    std::string prompt = got.LastUser();
    if (prompt.find("Find out why") != std::string::npos) {
      return model::testing::OpenAiAnswer(
          "Title: Fix square\n\nDiagnosis: square adds one.\n\nProposal: change square in "
          "src/agent.cc.");
    }
    bool burned = prompt.find("build_failed") != std::string::npos;
    // The broken edit parses (the edit layer accepts it) but does not compile with the
    // agent's -Werror=unused-variable (MemoryWorkspace), and the compiler's error names
    // the file.
    return model::testing::OpenAiAnswer(
        Edit(burned ? "return x * x;" : "long unused = x; return x * x + 1;"));
  });
}

struct MemoryWorkspace : Workspace {
  FakeProvider model;
  fs::path work = root() / "work";

  MemoryWorkspace() {
    LearnFromFailures(model);
    WriteSquareProject(root());
    std::string spec = ReadFile(root() / "agent/agent.yaml").value();
    ReplaceAll(&spec, "c++ -O0", "c++ -O0 -Werror=unused-variable");
    REQUIRE(WriteFile(root() / "agent/agent.yaml", spec));
  }

  fs::path Archive(const std::string& name) { return root() / "runs" / (name + ".git"); }

  fs::path Config(const std::string& name, int variants, const std::string& memory = "",
                  const std::string& model_keys = "") {
    fs::path file = root() / (name + ".yaml");
    REQUIRE(WriteFile(
        file, fmt::format("run: {{name: {0}, archive: runs/{0}.git, seed: 5}}\n"
                          "agent: agent\nbenchmark: squares\nmutator: llm\n"
                          "model: {{provider: openai, name: teacher, base_url: \"{1}\", retries: 0{4}}}\n"
                          "budget: {{variants: {2}}}\n{3}",
                          name, model.base_url(), variants, memory, model_keys)));
    return file;
  }

  Run RunConfig(const fs::path& config) { return RunConfig(config, work); }
  Run RunConfig(const fs::path& config, const fs::path& in) {
    return Clade({"run", config.string(), "--work", in.string()});
  }

  // Each child's record's mutation.lessons (empty when absent), in id order.
  std::vector<std::vector<int>> LessonsUsed(const std::string& name) {
    std::vector<std::vector<int>> used;
    nlohmann::json log = Json(Clade({"log", "--json", "--archive", Archive(name).string()}));
    for (const nlohmann::json& variant : log) {
      if (variant["id"] == 0) continue;
      nlohmann::json shown = Json(Clade({"show", std::to_string(variant["id"].get<int>()),
                                         "--json", "--archive", Archive(name).string()}));
      used.push_back(shown["record"]["mutation"].value("lessons", std::vector<int>{}));
    }
    return used;
  }

  // The implement prompts the server saw, in order.
  std::vector<std::string> ImplementPrompts() {
    std::vector<std::string> prompts;
    for (const Received& got : model.received()) {
      std::string prompt = got.LastUser();
      if (prompt.find("# Implement this change") == 0) prompts.push_back(prompt);
    }
    return prompts;
  }
};

TEST_CASE("Run memory: a lesson per child in git that later prompts show and records name") {
  MemoryWorkspace w;
  Run run = w.RunConfig(w.Config("mem", 3));
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);

  nlohmann::json lessons = Json(Clade({"memory", "--json", "--archive", w.Archive("mem").string()}));
  REQUIRE(lessons.size() == 3);  // one per child, none for the seed
  // The first child had no lesson to learn from: its edit broke the build.
  CHECK(lessons[0]["variant"] == 1);
  CHECK(lessons[0]["parent"] == 0);
  CHECK(lessons[0]["status"] == "build_failed");
  CHECK(lessons[0]["files"] == std::vector<std::string>{"src/agent.cc"});
  CHECK(lessons[0]["functions"] == std::vector<std::string>{"square"});
  CHECK_THAT(lessons[0]["diagnosis"].get<std::string>(), Catch::Contains("error"));
  CHECK(lessons[0]["failing_tasks"].empty());  // no task ran
  // The second child's prompts showed that lesson; its edit fixed square.
  CHECK(lessons[1]["variant"] == 2);
  CHECK(lessons[1]["status"] == "evaluated");
  CHECK(lessons[1]["score"] == 1.0);
  CHECK(lessons[1]["parent_score"] == 0.0);
  CHECK_THAT(lessons[1]["outcome"].get<std::string>(), Catch::StartsWith("improved"));

  std::vector<std::vector<int>> used = w.LessonsUsed("mem");
  REQUIRE(used.size() == 3);
  CHECK(used[0].empty());
  CHECK(used[1] == std::vector<int>{1});
  CHECK(std::find(used[2].begin(), used[2].end(), 2) != used[2].end());
  std::vector<std::string> prompts = w.ImplementPrompts();
  REQUIRE(prompts.size() >= 2);
  CHECK(prompts[0].find(kLessonsHeading) == std::string::npos);
  CHECK_THAT(prompts[1], Catch::Contains(kLessonsHeading));
  CHECK_THAT(prompts[1], Catch::Contains("#1 from #0 (llm, teacher): build_failed"));

  // Plain git reads the memory: one commit per lesson, one file per child.
  std::string git_dir = "--git-dir=" + w.Archive("mem").string();
  Run log = Git({git_dir, "log", "--format=%s", "refs/clade/memory"});
  REQUIRE(log.exit_code == 0);
  CHECK_THAT(log.out, Catch::Contains("lesson #1 from #0 (llm, teacher): build_failed"));
  Run file = Git({git_dir, "show", "refs/clade/memory:lessons/2.json"});
  REQUIRE(file.exit_code == 0);
  CHECK(nlohmann::json::parse(file.out)["variant"] == 2);
  // The text form names every lesson.
  Run text = Clade({"memory", "--archive", w.Archive("mem").string()});
  CHECK_THAT(text.out, Catch::Contains("build_failed"));
  CHECK_THAT(text.out, Catch::Contains("improved 0.000 -> 1.000"));
}

TEST_CASE("Run memory: a resumed run sends the prompts and names the lessons of one that never stopped") {
  MemoryWorkspace whole, split;
  REQUIRE(whole.RunConfig(whole.Config("mem", 3)).exit_code == 0);
  REQUIRE(split.RunConfig(split.Config("mem", 1)).exit_code == 0);
  Run resumed = split.RunConfig(split.Config("mem", 3));
  INFO(resumed.out << resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(whole.LessonsUsed("mem").at(1) == std::vector<int>{1});  // the memory was used
  CHECK(split.LessonsUsed("mem") == whole.LessonsUsed("mem"));
  CHECK(split.ImplementPrompts() == whole.ImplementPrompts());
  CHECK(Clade({"memory", "--json", "--archive", split.Archive("mem").string()}).out ==
        Clade({"memory", "--json", "--archive", whole.Archive("mem").string()}).out);
}

// From another work directory: the lessons quote the build log, which names the slot's
// folders by placeholder ({src}), not by the host path of the slot that built the child.
TEST_CASE("Run memory: a run replayed offline from the response cache makes the same lessons") {
  MemoryWorkspace w;
  REQUIRE(w.RunConfig(w.Config("first", 3)).exit_code == 0);
  size_t asked = w.model.count();
  Run again = w.RunConfig(w.Config("again", 3, "", ", offline: true"), w.root() / "another/work");
  INFO(again.out << again.err);
  REQUIRE(again.exit_code == 0);
  CHECK(w.model.count() == asked);  // every prompt, lessons included, was a cache hit
  CHECK(w.LessonsUsed("again") == w.LessonsUsed("first"));
  CHECK(Clade({"memory", "--json", "--archive", w.Archive("again").string()}).out ==
        Clade({"memory", "--json", "--archive", w.Archive("first").string()}).out);
  // The build failure's lesson names the file as the build saw it, and no host path.
  nlohmann::json lessons = Json(Clade({"memory", "--json", "--archive", w.Archive("first").string()}));
  std::string diagnosis = lessons.at(0)["diagnosis"];
  CHECK_THAT(diagnosis, Catch::StartsWith("{src}/src/agent.cc:"));  // not the "$ c++ -Werror" line
  CHECK_THAT(diagnosis, Catch::Contains("unused variable"));
  CHECK(diagnosis.find(w.root().string()) == std::string::npos);
}

TEST_CASE("Run memory: 'memory: off' writes no lesson and shows none") {
  MemoryWorkspace w;
  Run run = w.RunConfig(w.Config("off", 2, "memory: off\n"));
  INFO(run.out << run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(Json(Clade({"memory", "--json", "--archive", w.Archive("off").string()})).empty());
  Run ref = Git({"--git-dir=" + w.Archive("off").string(), "rev-parse", "--verify",
                        "--quiet", "refs/clade/memory"});
  CHECK(ref.exit_code != 0);
  std::vector<std::vector<int>> used_by_child = w.LessonsUsed("off");
  REQUIRE(used_by_child.size() == 2);
  for (const std::vector<int>& used : used_by_child) CHECK(used.empty());
  std::vector<std::string> prompts = w.ImplementPrompts();
  REQUIRE(!prompts.empty());
  for (const std::string& prompt : prompts) {
    CHECK(prompt.find(kLessonsHeading) == std::string::npos);
  }
}

}  // namespace
}  // namespace clade::cli_test
