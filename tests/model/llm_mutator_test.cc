#include "engine/model/llm_mutator.h"

#include "tests/model/fake_provider.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/model/model_mutators.h"
#include "support/fs.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;
using mutation::ChildProposal;
using mutation::MutationRequest;
using testing::FakeProvider;
using testing::Received;
using testing::Reply;

constexpr char kSolve[] = R"(namespace agent {
int Solve(int x) {
  return x + x;
}
}  // namespace agent
)";

struct Fixture {
  TempDir dir{"llm-mutator"};
  fs::path source = dir.path() / "parent";
  FakeProvider server;
  MutationRequest request;

  Fixture() {
    clade::testing::WriteTree(source,
                              {{"agent.yaml", "name: tiny\nrun: ./a\neditable: [\"src/**\"]\n"},
                               {"src/solve.cc", kSolve}});
    request.parent = 3;
    request.source = source;
    request.seed = 5;
    request.parent_record = {
        {"score", 0.5},
        {"tasks", {{{"id", "t1"}, {"status", "solved"}}, {{"id", "t2"}, {"status", "unsolved"}}}}};
    request.task_logs = {{"t1", "all good"}, {"t2", "expected 9, got 6"}};
    request.scratch = dir.path() / "scratch";
  }

  std::unique_ptr<mutation::Mutator> Mutator(int edit_retries = 2) {
    ModelConfig config;
    config.base_url = server.base_url();
    config.name = "coder";
    config.retries = 0;
    config.edit_retries = edit_retries;
    config.price_input = 1;
    config.price_output = 1;
    auto client = std::make_shared<ModelClient>(config, "");
    return MakeModelMutator("llm", client).value();
  }
};

// Answers the diagnose prompt with a proposal and every implement or retry prompt with
// the next of `implementations`.
void Script(FakeProvider& server, std::vector<std::string> implementations) {
  auto next = std::make_shared<size_t>(0);
  server.Respond([implementations, next](const Received& got) {
    if (got.LastUser().find("Find out why") != std::string::npos) {
      return testing::OpenAiAnswer(
          "Title: Triple instead of double\n\nDiagnosis: Solve doubles.\n\nProposal: make "
          "agent::Solve in solve.cc triple its input.",
          100, 20);
    }
    std::string text = *next < implementations.size() ? implementations[*next] : "no edits";
    ++*next;
    return testing::OpenAiAnswer(text, 200, 30);
  });
}

constexpr char kGoodEdit[] = R"(Here is the change.

src/solve.cc
```cpp
<<<<<<< SEARCH
  return x + x;
=======
  return 3 * x;
>>>>>>> REPLACE
```
)";

}  // namespace

TEST_CASE("llm: diagnose a failed task, implement, and the edit becomes the child") {
  Fixture f;
  Script(f.server, {kGoodEdit});
  ChildProposal child = f.Mutator()->Propose(f.request).value();
  REQUIRE(child.files.count("src/solve.cc") == 1);
  CHECK(child.files["src/solve.cc"].find("return 3 * x;") != std::string::npos);
  CHECK(child.deleted.empty());
  CHECK(child.summary == "llm: Triple instead of double");
  CHECK(child.details.find("search/replace") != std::string::npos);
  CHECK(child.tokens == 120 + 230);
  CHECK(child.cost == Approx(350 / 1e6));
  CHECK(child.record["mutator"] == "llm");
  CHECK(child.record["model"] == "coder");
  CHECK(child.record["task"] == "t2");  // the only task the parent failed
  CHECK(child.record["attempts"] == 1);
  CHECK(child.record["edits"].size() == 1);
  CHECK(child.record["edits"][0]["op"] == "search_replace");
  bool has_mutator_trailer = false;
  for (const auto& [key, value] : child.trailers) {
    has_mutator_trailer = has_mutator_trailer || (key == "Clade-Mutator" && value == "llm");
  }
  CHECK(has_mutator_trailer);

  // The diagnose prompt had the outline and the failed task's log; both answers are logged.
  std::string diagnose = child.logs.at("llm/01-diagnose.prompt.md");
  CHECK(diagnose.find("agent::Solve") != std::string::npos);
  CHECK(diagnose.find("expected 9, got 6") != std::string::npos);
  CHECK(diagnose.find("all good") == std::string::npos);
  CHECK(child.logs.at("llm/02-implement.prompt.md").find("return x + x;") != std::string::npos);
  CHECK(child.logs.at("llm/02-implement.response.md") == kGoodEdit);
  std::vector<Received> got = f.server.received();
  REQUIRE(got.size() == 2);
  CHECK(got[0].body["seed"] == 5);
  CHECK(got[1].System().find("coding agent") != std::string::npos);
}

TEST_CASE("llm: rejected edits go back with their diagnostics, a bounded number of times") {
  Fixture f;
  std::string missing =
      "<<<<<<< SEARCH src/solve.cc\n  return x * x;\n=======\n  return 1;\n>>>>>>> REPLACE\n";
  std::string broken =
      "<<<<<<< FUNCTION agent::Solve\nint Solve(int x) {\n  return x +;\n}\n>>>>>>> END\n";
  Script(f.server, {missing, broken, kGoodEdit});
  ChildProposal child = f.Mutator(2)->Propose(f.request).value();
  CHECK(child.files.at("src/solve.cc").find("return 3 * x;") != std::string::npos);
  CHECK(child.record["attempts"] == 3);
  std::vector<Received> got = f.server.received();
  REQUIRE(got.size() == 4);
  // The second implement call continues the conversation with the rejection.
  CHECK(got[2].LastUser().find("rejected") != std::string::npos);
  CHECK(got[2].LastUser().find("not found in src/solve.cc") != std::string::npos);
  CHECK(got[3].LastUser().find("error") != std::string::npos);
  CHECK(got[3].body["messages"].size() == 6);  // system, implement, answer, retry, answer, retry
  CHECK(child.logs.count("llm/04-retry.prompt.md") == 1);

  Fixture g;
  Script(g.server, {missing, broken, kGoodEdit});
  ChildProposal failed = g.Mutator(1)->Propose(g.request).value();
  // No child (ChildProposal::no_child), but what the three calls spent and said is kept.
  CHECK(failed.no_child.rfind("the model's edits for variant 3 were rejected 2 times; the last: ",
                              0) == 0);
  CHECK(failed.files.empty());
  CHECK(failed.summary.rfind("llm: no child: ", 0) == 0);
  CHECK(failed.tokens == 120 + 230 + 230);
  CHECK(failed.cost == Approx(580 / 1e6));
  CHECK(failed.record["model"] == "coder");
  CHECK(failed.record["calls"] == 3);
  CHECK(failed.logs.count("llm/03-retry.response.md") == 1);
  CHECK(g.server.count() == 3);
}

TEST_CASE("llm: an answer without edits is a failed mutation, not an outage") {
  Fixture f;
  Script(f.server, {"I would rather not.", "Still no.", "No."});
  ChildProposal failed = f.Mutator()->Propose(f.request).value();
  CHECK(failed.no_child.find("no edit block") != std::string::npos);
  CHECK(failed.files.empty());
  CHECK(failed.tokens > 0);
}

TEST_CASE("llm: a model outage is an infrastructure error, without the mutation prefix") {
  Fixture f;
  f.server.Respond([](const Received&) {
    return testing::OpenAiError(503, "server_error", "The engine is currently overloaded");
  });
  Result<ChildProposal> failed = f.Mutator()->Propose(f.request);
  REQUIRE(!failed);
  CHECK(failed.error().kind == ErrorKind::kFailure);
  CHECK(failed.error().message.find("overloaded") != std::string::npos);

  CHECK(!MakeModelMutator("gpt", std::make_shared<ModelClient>(ModelConfig{}, "")));
}

}  // namespace clade::model
