#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/fs.h"

namespace clade::cli_test {
namespace {

const std::vector<std::string> kCommands = {"add",  "status", "tree",  "log",    "show",
                                            "diff", "export", "prune", "unprune"};

TEST_CASE("clade --help lists every command") {
  Run run = Clade({"--help"});
  CHECK(run.exit_code == 0);
  for (const auto& command : kCommands) {
    INFO(command);
    CHECK(run.out.find("\n  " + command + " ") != std::string::npos);
  }
}

TEST_CASE("every command explains itself with --help") {
  for (const auto& command : kCommands) {
    INFO(command);
    Run run = Clade({command, "--help"});
    CHECK(run.exit_code == 0);
    CHECK(run.out.find("Usage: clade " + command) != std::string::npos);
    CHECK(run.out.find("--archive") != std::string::npos);
    CHECK(run.out.find("--json") != std::string::npos);
    CHECK(run.out.find("Example") != std::string::npos);
  }
}

TEST_CASE("usage errors exit 2 with a clade: message") {
  for (const auto& args : std::vector<std::vector<std::string>>{
           {}, {"nosuchcommand"}, {"tree", "--bogus"}, {"show"}, {"log", "extra"}}) {
    Run run = Clade(args);
    INFO(run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.rfind("clade: ", 0) == 0);
  }
}

TEST_CASE("an archive path that is not an archive is named") {
  Workspace w;
  fs::path plain = w.root() / "plain";
  fs::create_directories(plain);
  REQUIRE(WriteFile(plain / "file.txt", "x"));
  for (const fs::path& path : {plain, plain / "file.txt", w.root() / "absent.git"}) {
    Run run = Clade({"tree", "--archive", path.string()});
    INFO(run.err);
    CHECK((run.exit_code == 1 || run.exit_code == 2));
    CHECK(run.err.rfind("clade: ", 0) == 0);
    CHECK(run.err.find(path.string()) != std::string::npos);
    CHECK(std::count(run.err.begin(), run.err.end(), '\n') == 1);
  }
}

TEST_CASE("a second writer is refused with a clear message while the archive stays readable") {
  Lineage w;
  archive::OpenOptions options;
  options.mode = archive::Mode::kWrite;
  options.holder = "test writer";
  auto writer = archive::Archive::Open(w.archive(), options);
  REQUIRE(writer);
  Run run = w.On({"prune", "1"});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("test writer") != std::string::npos);
  CHECK(w.On({"tree"}).exit_code == 0);
}

}  // namespace
}  // namespace clade::cli_test
