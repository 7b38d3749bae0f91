#include "engine/cli/log_command.h"

#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "support/strings.h"

namespace clade::cli_test {
namespace {

TEST_CASE("RenderLogText aligns columns under a header") {
  cli::Variant seed;
  seed.summary = "seed";
  cli::Variant child;
  child.id = 1;
  child.parents = {0};
  child.summary = "child";
  child.pruned = true;
  auto snapshot = cli::MakeArchiveView(
      {seed, child}, {{EvalStatus::kEvaluated, 0.5}, {EvalStatus::kBuildTimeout, {}}}, "b");
  auto lines = Split(cli::RenderLogText(snapshot), '\n');
  REQUIRE(lines.size() == 4);  // header, two variants, and the empty field after the last \n
  CHECK(lines[0].rfind("id  time", 0) == 0);
  size_t column = lines[0].find("score");
  CHECK(lines[1].substr(column, 5) == "0.500");
  CHECK(lines[2].substr(column) == "-      child  [pruned]");
  CHECK(lines[2].find("build_timeout") == lines[0].find("status"));
}

TEST_CASE("clade log lists variants in id order with parents, status and score") {
  Lineage w;
  Run run = w.On({"log"});
  REQUIRE(run.exit_code == 0);
  auto lines = Split(Trim(run.out), '\n');
  REQUIRE(lines.size() == 6);
  for (int id = 0; id < 5; ++id) {
    CHECK(lines[static_cast<size_t>(id + 1)].rfind(std::to_string(id) + " ", 0) == 0);
  }
  CHECK(lines[3].find("build_failed") != std::string::npos);
  CHECK(lines[4].find("0.750") != std::string::npos);
  CHECK(lines[5].find("3,2") != std::string::npos);
  CHECK(lines[5].find("not_evaluated") != std::string::npos);
}

TEST_CASE("clade log --json gives each variant's commit as git knows it") {
  Lineage w;
  nlohmann::json list = Json(w.On({"log", "--json"}));
  REQUIRE(list.size() == 5);
  for (int id = 0; id < 5; ++id) {
    const auto& variant = list[static_cast<size_t>(id)];
    CHECK(variant["id"] == id);
    Run commit = Git({"--git-dir=" + w.archive().string(), "rev-parse",
                      "refs/clade/variants/" + std::to_string(id)});
    CHECK(variant["commit"] == Trim(commit.out));
    for (const char* key :
         {"parents", "status", "score", "summary", "mutator", "pruned", "children", "time"}) {
      CHECK(variant.contains(key));
    }
  }
  CHECK(list[1]["score"] == 0.5);
  CHECK(list[1]["mutator"] == "manual");
}

TEST_CASE("clade log --benchmark names a benchmark without records") {
  Lineage w;
  Run run = w.On({"log", "--benchmark", "nosuch"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("nosuch") != std::string::npos);
  CHECK(run.err.find("repair") != std::string::npos);  // the benchmarks that do exist
}

}  // namespace
}  // namespace clade::cli_test
