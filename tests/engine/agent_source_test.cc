#include "engine/mutation/agent_source.h"

#include <algorithm>

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

TEST_CASE("AgentSource: lists files, skips hidden directories, reads through an overlay") {
  TempDir dir;
  testing::WriteTree(
      dir.path(),
      {{"agent.yaml", "name: a\n"}, {"src/main.cc", "int main() {}\n"}, {".git/HEAD", "ref\n"}});
  auto agent = AgentSource::Open(dir.path(), {.editable = std::vector<std::string>{"src/**"}});
  REQUIRE(agent);
  CHECK(agent->files() == std::vector<std::string>{"agent.yaml", "src/main.cc"});
  CHECK(agent->IsEditable("src/main.cc"));
  CHECK_FALSE(agent->IsEditable("agent.yaml"));
  CHECK(*agent->Read("src/main.cc") == "int main() {}\n");
  CHECK(*agent->Read("src/main.cc", {{"src/main.cc", "x"}}) == "x");
  CHECK(agent->Relative(dir.path() / "src/main.cc") == "src/main.cc");
  CHECK_FALSE(agent->Relative("/elsewhere/x.cc"));
  std::vector<std::string> args = agent->ParseArguments("src/main.h");
  CHECK(std::find(args.begin(), args.end(), "-resource-dir=" + ClangResourceDir()) != args.end());
  CHECK(args.front() == "-x");  // headers parse as C++
}

TEST_CASE("AgentSource: a missing directory is an error naming it") {
  auto agent = AgentSource::Open("/no/such/agent");
  REQUIRE_FALSE(agent);
  CHECK(agent.error().message.find("/no/such/agent") != std::string::npos);
}
