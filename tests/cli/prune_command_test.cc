#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

namespace clade::cli_test {
namespace {

std::string Refs(const Workspace& w, const std::string& under) {
  return Git({"--git-dir=" + w.archive().string(), "for-each-ref",
              "--format=%(refname) %(objectname)", under})
      .out;
}

TEST_CASE("clade prune marks a variant with a ref and rewrites no history") {
  Lineage w;
  std::string variants_before = Refs(w, "refs/clade/variants");
  Run run = w.On({"prune", "2"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out == "variant 2 pruned\n");
  CHECK(Refs(w, "refs/clade/pruned").find("refs/clade/pruned/2 ") != std::string::npos);
  CHECK(Refs(w, "refs/clade/variants") == variants_before);
  CHECK(Json(w.On({"log", "--json"}))[2]["pruned"] == true);
  CHECK(w.On({"tree"}).out.find("break it  [pruned]") != std::string::npos);
  CHECK(Json(w.On({"status", "--json"}))["pruned"] == 1);
  CHECK(Git({"--git-dir=" + w.archive().string(), "fsck", "--strict"}).exit_code == 0);
}

TEST_CASE("clade unprune puts a variant back") {
  Lineage w;
  REQUIRE(w.On({"prune", "1"}).exit_code == 0);
  nlohmann::json unpruned = Json(w.On({"unprune", "1", "--json"}));
  CHECK(unpruned["id"] == 1);
  CHECK(unpruned["pruned"] == false);
  CHECK(Refs(w, "refs/clade/pruned").empty());
  CHECK(Json(w.On({"show", "1", "--json"}))["pruned"] == false);
}

TEST_CASE("clade prune names an unknown variant") {
  Lineage w;
  Run run = w.On({"prune", "31"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("31") != std::string::npos);
}

}  // namespace
}  // namespace clade::cli_test
