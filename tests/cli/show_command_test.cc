#include "engine/cli/show_command.h"

#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/strings.h"

namespace clade::cli_test {
namespace {

TEST_CASE("clade show --json gives the variant, its record and its trailers") {
  Lineage w;
  nlohmann::json shown = Json(w.On({"show", "3", "--json"}));
  CHECK(shown["id"] == 3);
  CHECK(shown["parents"] == nlohmann::json::array({1}));
  CHECK(shown["children"] == nlohmann::json::array({4}));
  CHECK(shown["score"] == 0.75);
  CHECK(shown["benchmark"] == "repair");
  CHECK(shown["record"]["score"] == 0.75);
  CHECK(shown["records"]["repair"]["status"] == "evaluated");
  CHECK(shown["logs"] == nlohmann::json::array());
  CHECK(shown["message"].get<std::string>().rfind("return three\n", 0) == 0);
  nlohmann::json mutator = {{"key", "Clade-Mutator"}, {"value", "manual"}};
  auto trailers = shown["trailers"];
  CHECK(std::find(trailers.begin(), trailers.end(), mutator) != trailers.end());
  CHECK(!shown.contains("diff"));
}

TEST_CASE("clade show --diff prints the diff against the first parent") {
  Lineage w;
  Run run = w.On({"show", "3", "--diff"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("Clade-Mutator: manual") != std::string::npos);
  CHECK(run.out.find("\"score\": 0.75") != std::string::npos);  // the record, pretty
  CHECK(run.out.find("diff against variant 1:") != std::string::npos);
  CHECK(run.out.find("diff --git a/src/main.cc b/src/main.cc") != std::string::npos);
  CHECK(run.out.find("-int main() { return 1; }") != std::string::npos);
  CHECK(run.out.find("+int main() { return 3; }") != std::string::npos);
  nlohmann::json shown = Json(w.On({"show", "3", "--diff", "--json"}));
  CHECK(shown["diff"].get<std::string>().find("+int main() { return 3; }") != std::string::npos);
}

TEST_CASE("clade show --diff of the seed says it has no parent") {
  Lineage w;
  Run run = w.On({"show", "seed", "--diff"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("no parent to diff against") != std::string::npos);
  CHECK(Json(w.On({"show", "seed", "--diff", "--json"}))["diff"].is_null());
}

TEST_CASE("clade show resolves best and commit prefixes") {
  Lineage w;
  CHECK(Json(w.On({"show", "best", "--json"}))["id"] == 3);
  Run commit = Git({"--git-dir=" + w.archive().string(), "rev-parse", "refs/clade/variants/2"});
  std::string prefix = std::string(Trim(commit.out)).substr(0, 10);
  CHECK(Json(w.On({"show", prefix, "--json"}))["id"] == 2);
}

TEST_CASE("clade show lists stored logs") {
  Lineage w;
  {
    archive::OpenOptions options;
    options.mode = archive::Mode::kWrite;
    auto archive = archive::Archive::Open(w.archive(), options);
    REQUIRE(archive);
    REQUIRE((*archive)->AddLogs(2, {{"build.log", "error: expected ';'\n"}}));
  }
  nlohmann::json shown = Json(w.On({"show", "2", "--json"}));
  CHECK(shown["logs"] == nlohmann::json::array({"build.log"}));
  CHECK(w.On({"show", "2"}).out.find("logs:\n  build.log") != std::string::npos);
}

TEST_CASE("clade show names an unknown variant in one line and exits 1") {
  Lineage w;
  Run run = w.On({"show", "99"});
  CHECK(run.exit_code == 1);
  CHECK(run.out.empty());
  CHECK(run.err.rfind("clade: ", 0) == 0);
  CHECK(run.err.find("99") != std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

}  // namespace
}  // namespace clade::cli_test
