#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "support/strings.h"

namespace clade::cli_test {
namespace {

std::string GitDir(const Workspace& w) {
  return "--git-dir=" + w.archive().string();
}

// The commit ids of a commit and its parents, as `git rev-list --parents` prints them.
std::vector<std::string> CommitAndParents(const Workspace& w, int id) {
  Run run = Git(
      {GitDir(w), "rev-list", "--parents", "-n", "1", "refs/clade/variants/" + std::to_string(id)});
  REQUIRE(run.exit_code == 0);
  return Split(Trim(run.out), ' ');
}

TEST_CASE("add creates the archive with DIR as the seed, a root commit") {
  Workspace w;
  nlohmann::json added = w.Add(w.Agent("repair", "int main() {}\n"));
  CHECK(added["id"] == 0);
  CHECK(added["created"] == true);
  CHECK(added["parents"].empty());
  CHECK(added["summary"] == "add repair");
  CHECK(added["mutator"] == "manual");

  CHECK(CommitAndParents(w, 0).size() == 1);  // no parent: a root commit
  Run refs = Git({GitDir(w), "for-each-ref", "--format=%(refname)", "refs/clade"});
  CHECK(refs.out.find("refs/clade/variants/0\n") != std::string::npos);
  Run message = Git({GitDir(w), "log", "-1", "--format=%B", "refs/clade/variants/0"});
  CHECK(message.out.find("Clade-Mutator: manual") != std::string::npos);
  CHECK(Git({GitDir(w), "fsck", "--strict"}).exit_code == 0);
}

TEST_CASE("add with --parent makes a child commit whose parent is the parent variant") {
  Workspace w;
  w.Add(w.Agent("seed", "int main() {}\n"));
  nlohmann::json child = w.Add(w.Agent("child", "int main() { return 1; }\n"),
                               {"--parent", "seed", "-m", "return one\n\nbecause tests"});
  CHECK(child["id"] == 1);
  CHECK(child["created"] == false);
  CHECK(child["parents"] == nlohmann::json::array({0}));
  CHECK(child["summary"] == "return one");

  auto commits = CommitAndParents(w, 1);
  REQUIRE(commits.size() == 2);
  CHECK(commits[1] == Trim(Git({GitDir(w), "rev-parse", "refs/clade/variants/0"}).out));
  Run body = Git({GitDir(w), "log", "-1", "--format=%b", "refs/clade/variants/1"});
  CHECK(body.out.find("because tests") != std::string::npos);
}

TEST_CASE("add with two parents makes a crossover commit that git draws as a merge") {
  Lineage w;
  auto commits = CommitAndParents(w, 4);
  REQUIRE(commits.size() == 3);
  CHECK(commits[1] == Trim(Git({GitDir(w), "rev-parse", "refs/clade/variants/3"}).out));
  CHECK(commits[2] == Trim(Git({GitDir(w), "rev-parse", "refs/clade/variants/2"}).out));
  Run graph = Git({GitDir(w), "log", "--graph", "--all", "--format=%s"});
  CHECK(graph.out.find("cross three and two") != std::string::npos);
  CHECK(graph.out.find("|\\") != std::string::npos);  // the merge's two lines of descent
  CHECK(Git({GitDir(w), "fsck", "--strict"}).exit_code == 0);
}

TEST_CASE("add accepts --parent before DIR, one value per --parent") {
  Workspace w;
  w.Add(w.Agent("seed", "int main() {}\n"));
  fs::path child = w.Agent("child", "int main() { return 5; }\n");
  Run run = Clade({"add", "--parent", "0", child.string(), "--archive", w.archive().string()});
  INFO(run.err);
  CHECK(run.exit_code == 0);
  CHECK(run.out.find("added variant 1") != std::string::npos);
}

TEST_CASE("add names a directory that does not exist and creates nothing") {
  Workspace w;
  Run run = w.On({"add", (w.root() / "missing-agent").string()});
  CHECK(run.exit_code == 1);
  CHECK(run.err.rfind("clade: ", 0) == 0);
  CHECK(run.err.find("missing-agent") != std::string::npos);
  CHECK(!fs::exists(w.archive()));
}

TEST_CASE("add names an unknown parent and adds nothing") {
  Lineage w;
  Run run = w.On({"add", w.Agent("five", "int main() {}\n").string(), "--parent", "42"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("42") != std::string::npos);
  CHECK(Json(w.On({"log", "--json"})).size() == 5);
}

TEST_CASE("add without --parent on an archive that has a seed is a usage error") {
  Lineage w;
  Run run = w.On({"add", w.Agent("five", "int main() {}\n").string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--parent") != std::string::npos);
}

TEST_CASE("add with --parent but no archive yet says to add the seed first") {
  Workspace w;
  Run run = w.On({"add", w.Agent("x", "int main() {}\n").string(), "--parent", "0"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find(w.archive().string()) != std::string::npos);
  CHECK(!fs::exists(w.archive()));
}

TEST_CASE("add refuses an archive inside the agent directory") {
  Workspace w;
  fs::path agent = w.Agent("agent", "int main() {}\n");
  Run run = Clade({"add", agent.string(), "--archive", (agent / "runs.git").string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("inside the agent directory") != std::string::npos);
  CHECK(!fs::exists(agent / "runs.git"));
}

}  // namespace
}  // namespace clade::cli_test
