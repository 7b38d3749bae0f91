// clade run with an ensemble of models (`models:`, `model_selection`), end to end: the real
// binary, the llm mutator, a real C++ agent built and evaluated in the sandbox, and two
// loopback servers speaking the OpenAI protocol in place of hosted models. One model's
// edit fixes the agent's planted mistake, the other's does not.
#include "tests/cli/cli_test_util.h"
#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fmt/format.h>

namespace clade::cli_test {
namespace {

using model::testing::FakeProvider;
using model::testing::Received;

// A model that diagnoses any failure the same way and answers every implement prompt
// with a search/replace edit of the planted line into `replacement`.
void Answer(FakeProvider& server, const std::string& replacement) {
  server.Respond([replacement](const Received& got) {
    if (got.LastUser().find("Find out why") != std::string::npos) {
      return model::testing::OpenAiAnswer(
          "Title: Fix square\n\nDiagnosis: square adds one.\n\nProposal: change square in "
          "src/agent.cc.",
          100, 20);
    }
    return model::testing::OpenAiAnswer(
        fmt::format("src/agent.cc\n```cpp\n<<<<<<< SEARCH\n  return x * x + 1;\n=======\n"
                    "  {}\n>>>>>>> REPLACE\n```\n",
                    replacement),
        200, 30);
  });
}

struct EnsembleWorkspace : Workspace {
  FakeProvider fixer;    // its edit makes square right
  FakeProvider breaker;  // its edit leaves square wrong
  fs::path work = root() / "work";

  EnsembleWorkspace() {
    Answer(fixer, "return x * x;");
    Answer(breaker, "return x * x + 2;");
    WriteSquareProject(root());
  }

  fs::path Config(const std::string& name, const std::string& selection, int variants) {
    fs::path file = root() / (name + ".yaml");
    REQUIRE(WriteFile(
        file, fmt::format("run: {{name: {0}, archive: runs/{0}.git, seed: 3}}\n"
                          "agent: agent\nbenchmark: squares\nmutator: llm\n"
                          "models:\n"
                          "  - {{provider: openai, name: fixer, base_url: \"{1}\", retries: 0,"
                          " price_input: 1, price_output: 2}}\n"
                          "  - {{provider: openai, name: breaker, base_url: \"{2}\", retries: 0}}\n"
                          "model_selection: {3}\nbudget: {{variants: {4}}}\n",
                          name, fixer.base_url(), breaker.base_url(), selection, variants)));
    return file;
  }

  // The model named by each child's record, in id order.
  std::vector<std::string> ModelsOfChildren(const std::string& name) {
    std::vector<std::string> models;
    nlohmann::json log = Json(Clade({"log", "--json", "--archive", (root() / "runs" / (name + ".git")).string()}));
    for (const nlohmann::json& variant : log) {
      if (variant["id"] == 0) continue;
      nlohmann::json shown = Json(Clade({"show", std::to_string(variant["id"].get<int>()), "--json",
                                         "--archive", (root() / "runs" / (name + ".git")).string()}));
      models.push_back(shown["record"]["mutation"].value("model", ""));
    }
    return models;
  }
};

TEST_CASE("An ensemble in round robin: children alternate models, each model's use is counted") {
  EnsembleWorkspace w;
  Run run = Clade({"run", w.Config("rr", "round_robin", 4).string(), "--work", w.work.string(),
                   "--json"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(w.ModelsOfChildren("rr") ==
        std::vector<std::string>{"fixer", "breaker", "fixer", "breaker"});
  nlohmann::json summary = nlohmann::json::parse(run.out);
  REQUIRE(summary["models"].size() == 2);
  CHECK(summary["models"][0]["name"] == "fixer");
  CHECK(summary["models"][0]["children"] == 2);
  CHECK(summary["models"][1]["children"] == 2);
  CHECK(summary["models"][1]["improvements"] == 0);  // square stays wrong
  CHECK(summary["models"][0]["improvements"].get<int>() >= 1);
  CHECK(summary["models"][0]["calls"].get<int>() >= 2);  // diagnose and implement
  CHECK(summary["models"][0]["tokens"].get<int>() >= 350);
  CHECK(summary["models"][0]["cost"].get<double>() > 0);  // priced
  CHECK(summary["models"][1]["cost"].get<double>() == 0);  // not priced
  CHECK(w.fixer.count() >= 2);
  CHECK(w.breaker.count() >= 2);
  // clade status gives the same block under `models`, in the config's order.
  nlohmann::json status = Json(Clade({"status", "--json", "--archive",
                                      (w.root() / "runs" / "rr.git").string()}));
  CHECK(status["models"] == summary["models"]);
  Run text = Clade({"status", "--archive", (w.root() / "runs" / "rr.git").string()});
  CHECK_THAT(text.out, Catch::Contains("fixer: 2 children"));
}

TEST_CASE("An ensemble with UCB1: each model once, then the one whose child gained") {
  // The seed scores 0; fixer's child scores 1 (a gain of 1), breaker's 0. With both tried
  // once, UCB1's bonus is the same for both and fixer's mean is higher: the third child is
  // fixer's.
  EnsembleWorkspace w;
  Run run = Clade({"run", w.Config("ucb", "ucb", 3).string(), "--work", w.work.string()});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(w.ModelsOfChildren("ucb") == std::vector<std::string>{"fixer", "breaker", "fixer"});
  CHECK_THAT(run.out, Catch::Contains("model fixer: 2 children (1 better)"));
  CHECK_THAT(run.out, Catch::Contains("model breaker: 1 child (0 better)"));
}

}  // namespace
}  // namespace clade::cli_test
