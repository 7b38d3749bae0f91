#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "support/strings.h"

namespace clade::cli_test {
namespace {

// A diff without its "index" lines, whose hash abbreviation may differ.
std::string WithoutIndexLines(const std::string& diff) {
  std::string out;
  for (const std::string& line : Split(diff, '\n')) {
    if (line.rfind("index ", 0) != 0) out += line + '\n';
  }
  return out;
}

TEST_CASE("clade diff A B prints what git diff prints between the two variants") {
  Lineage w;
  Run ours = w.On({"diff", "1", "3"});
  REQUIRE(ours.exit_code == 0);
  CHECK(ours.out.find("-int main() { return 1; }\n+int main() { return 3; }") != std::string::npos);
  Run git = Git({"--git-dir=" + w.archive().string(), "diff", "refs/clade/variants/1",
                 "refs/clade/variants/3"});
  REQUIRE(git.exit_code == 0);
  CHECK(WithoutIndexLines(ours.out) == WithoutIndexLines(git.out));
}

TEST_CASE("clade diff --json names both variants") {
  Lineage w;
  nlohmann::json diff = Json(w.On({"diff", "seed", "best", "--json"}));
  CHECK(diff["from"] == 0);
  CHECK(diff["to"] == 3);
  CHECK(diff["diff"].get<std::string>().find("+int main() { return 3; }") != std::string::npos);
}

TEST_CASE("clade diff of a variant with itself is empty") {
  Lineage w;
  Run run = w.On({"diff", "2", "2"});
  CHECK(run.exit_code == 0);
  CHECK(run.out.empty());
}

TEST_CASE("clade diff names an unknown variant") {
  Lineage w;
  Run run = w.On({"diff", "0", "nosuchvariant"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("nosuchvariant") != std::string::npos);
}

TEST_CASE("clade diff needs two variants") {
  Lineage w;
  CHECK(w.On({"diff", "0"}).exit_code == 2);
}

}  // namespace
}  // namespace clade::cli_test
