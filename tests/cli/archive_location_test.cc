#include "engine/cli/archive_location.h"

#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::cli_test {
namespace {

TEST_CASE("LocateArchive prefers --archive") {
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "clade.yaml", "run:\n  archive: other.git\n"));
  auto path = cli::LocateArchive("mine.git", dir.path());
  REQUIRE(path);
  CHECK(*path == "mine.git");
}

TEST_CASE("LocateArchive reads run.archive relative to clade.yaml") {
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "clade.yaml",
                    "run:\n  name: quick\n  archive: runs/../runs/quick.git\nagent: x\n"));
  auto path = cli::LocateArchive("", dir.path());
  REQUIRE(path);
  CHECK(*path == dir.path() / "runs/quick.git");
}

TEST_CASE("LocateArchive keeps an absolute run.archive") {
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "clade.yaml", "run: {archive: /srv/runs/a.git}\n"));
  CHECK(cli::LocateArchive("", dir.path()).value_or("") == "/srv/runs/a.git");
}

TEST_CASE("LocateArchive without --archive or clade.yaml says what to do") {
  TempDir dir;
  auto path = cli::LocateArchive("", dir.path());
  REQUIRE(!path);
  CHECK(path.error().kind == ErrorKind::kUsage);
  CHECK(path.error().message.find("--archive") != std::string::npos);
  CHECK(path.error().message.find("clade.yaml") != std::string::npos);
}

TEST_CASE("LocateArchive names clade.yaml when it has no run.archive") {
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "clade.yaml", "run:\n  name: x\n"));
  auto path = cli::LocateArchive("", dir.path());
  REQUIRE(!path);
  CHECK(path.error().message.find("clade.yaml has no run.archive") != std::string::npos);
}

TEST_CASE("LocateArchive names the line of malformed YAML") {
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "clade.yaml", "run:\n  archive: [unclosed\n"));
  auto path = cli::LocateArchive("", dir.path());
  REQUIRE(!path);
  CHECK(path.error().kind == ErrorKind::kUsage);
  CHECK(path.error().message.find("clade.yaml:") != std::string::npos);
}

TEST_CASE("clade commands find the archive through ./clade.yaml") {
  Lineage w;
  REQUIRE(WriteFile(w.root() / "clade.yaml", "run:\n  archive: runs/archive.git\n"));
  Run run = Clade({"log", "--json"}, w.root());
  REQUIRE(run.exit_code == 0);
  CHECK(nlohmann::json::parse(run.out).size() == 5);
  fs::path agent = w.Agent("five", "int main() { return 5; }\n");
  CHECK(Clade({"add", agent.string(), "--parent", "4"}, w.root()).exit_code == 0);
  CHECK(Json(w.On({"log", "--json"})).size() == 6);
}

TEST_CASE("clade without --archive or clade.yaml exits 2 with one sentence") {
  Workspace w;
  Run run = Clade({"tree"}, w.root());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--archive") != std::string::npos);
  CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
}

}  // namespace
}  // namespace clade::cli_test
