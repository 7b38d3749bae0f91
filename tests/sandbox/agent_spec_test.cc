#include "sandbox/agent_spec.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::sandbox {

TEST_CASE("agent.yaml with defaults: cmake build, editable everything") {
  TempDir dir("agent-spec");
  testing::WriteTree(dir.path(), {{"agent.yaml", "name: demo\nrun: \"{build}/demo\"\n"}});
  AgentSpec spec = LoadAgentSpec(dir.path()).value();
  CHECK(spec.name == "demo");
  REQUIRE(spec.build.size() == 2);
  CHECK(spec.build[1].argv == std::vector<std::string>{"/bin/sh", "-c", "cmake --build {build}"});
  CHECK(spec.editable == std::vector<std::string>{"**"});
  AgentCommand run = Expand(spec.run, "/w/src", "/w/build dir");
  CHECK(run.argv == std::vector<std::string>{"/bin/sh", "-c", "'/w/build dir'/demo"});
}

TEST_CASE("agent.yaml argv commands are expanded without quoting") {
  TempDir dir("agent-spec");
  testing::WriteTree(dir.path(), {{"agent.yaml",
                                   "name: x\nbuild:\n  - [make, -C, \"{src}\"]\n"
                                   "run: [\"{build}/x\", --fast]\neditable: [\"src/**\"]\n"}});
  AgentSpec spec = LoadAgentSpec(dir.path()).value();
  CHECK(Expand(spec.build[0], "/s", "/b").argv == std::vector<std::string>{"make", "-C", "/s"});
  CHECK(Expand(spec.run, "/s", "/b").argv == std::vector<std::string>{"/b/x", "--fast"});
  CHECK(spec.editable == std::vector<std::string>{"src/**"});
}

TEST_CASE("A bad agent.yaml names the file and line") {
  TempDir dir("agent-spec");
  testing::WriteTree(dir.path(), {{"agent.yaml", "name: x\nrun: a\nbiuld: []\n"}});
  auto result = LoadAgentSpec(dir.path());
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("agent.yaml:3: unknown key 'biuld'") != std::string::npos);
  testing::WriteTree(dir.path(), {{"agent.yaml", "name: x\n"}});
  CHECK(LoadAgentSpec(dir.path()).error().message.find("has no 'run'") != std::string::npos);
  CHECK(LoadAgentSpec(dir.path() / "missing").error().kind == ErrorKind::kNotFound);
  TempDir empty("agent-spec");
  CHECK(LoadAgentSpec(empty.path()).error().message.find("has no agent.yaml") != std::string::npos);
}

}  // namespace clade::sandbox
