#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "support/fs.h"

namespace clade::cli_test {
namespace {

TEST_CASE("clade export writes the variant's source, executable bits kept") {
  Workspace w;
  fs::path agent = w.Agent("agent", "int main() { return 7; }\n");
  REQUIRE(WriteFile(agent / "run.sh", "#!/bin/sh\nexit 0\n", 0755));
  w.Add(agent);
  fs::path out = w.root() / "exported";
  nlohmann::json exported = Json(w.On({"export", "0", out.string(), "--json"}));
  CHECK(exported["id"] == 0);
  CHECK(exported["directory"] == out.string());
  CHECK(ReadFile(out / "src/main.cc").value_or("") == "int main() { return 7; }\n");
  CHECK(ReadFile(out / "agent.yaml").has_value());
  struct stat info {};
  REQUIRE(::stat((out / "run.sh").c_str(), &info) == 0);
  CHECK((info.st_mode & S_IXUSR) != 0);
  CHECK(Clade({"add", out.string(), "--archive", (w.root() / "again.git").string(), "--json"})
            .exit_code == 0);
}

TEST_CASE("clade export of a child gives the child's source, not the parent's") {
  Lineage w;
  fs::path out = w.root() / "best";
  Run run = w.On({"export", "best", out.string()});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("exported variant 3") != std::string::npos);
  CHECK(ReadFile(out / "src/main.cc").value_or("") == "int main() { return 3; }\n");
}

TEST_CASE("clade export refuses a directory that is not empty and leaves it alone") {
  Lineage w;
  fs::path out = w.root() / "busy";
  fs::create_directories(out);
  REQUIRE(WriteFile(out / "keep.txt", "mine"));
  Run run = w.On({"export", "1", out.string()});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find(out.string()) != std::string::npos);
  CHECK(ReadFile(out / "keep.txt").value_or("") == "mine");
  CHECK(!fs::exists(out / "src"));
}

TEST_CASE("clade export names an unknown variant and writes nothing") {
  Lineage w;
  fs::path out = w.root() / "none";
  Run run = w.On({"export", "77", out.string()});
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("77") != std::string::npos);
  CHECK(!fs::exists(out));
}

}  // namespace
}  // namespace clade::cli_test
