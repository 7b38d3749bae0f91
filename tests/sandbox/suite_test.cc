#include "sandbox/suite.h"

#include "sandbox/evaluator.h"

#include "tests/sandbox/formats_test_util.h"
#include <catch2/catch.hpp>

namespace clade::sandbox {

TEST_CASE("A suite loads its tasks from a glob with limits inherited and overridden") {
  TempDir dir("suite-test");
  WriteSuite(dir.path(),
             "name: demo\ndescription: two tasks\ntasks: tasks/*\n"
             "limits: {agent_seconds: 30, test_seconds: 10, memory_mb: 512}\n");
  Suite suite = LoadSuite(dir.path()).value();
  CHECK(suite.name == "demo");
  REQUIRE(suite.tasks.size() == 2);
  const Task& a = suite.tasks[0];
  CHECK(a.id == "a");
  CHECK(a.statement == "Fix the sum.\n");
  CHECK(a.limits.agent_seconds == 5);
  CHECK(a.limits.test_seconds == 10);
  CHECK(a.limits.memory_mb == 512);
  CHECK(a.result == ResultFormat::kSummary);
  const Task& b = suite.tasks[1];
  CHECK(b.statement == "Inline statement");
  CHECK(b.visible_test == "sh run.sh");
  CHECK(b.result == ResultFormat::kExitCode);
  CHECK(b.limits.agent_seconds == 30);
  CHECK(LoadSuite(dir.path() / "suite.yaml").value().tasks.size() == 2);
}

TEST_CASE("A suite can list its task folders") {
  TempDir dir("suite-test");
  WriteSuite(dir.path(), "name: demo\ntasks: [tasks/b]\n");
  Suite suite = LoadSuite(dir.path()).value();
  REQUIRE(suite.tasks.size() == 1);
  CHECK(suite.tasks[0].id == "b");
}

TEST_CASE("A suite's list may hold globs and another suite's tasks, and an id twice is an error") {
  TempDir dir("suite-test");
  WriteSuite(dir.path() / "first", "name: first\ntasks: tasks/*\n");
  fs::path other = dir.path() / "other";
  WriteSuite(other, "name: other\ntasks: [tasks/b, ../first/tasks/a*]\n");
  Suite suite = LoadSuite(other).value();
  REQUIRE(suite.tasks.size() == 2);
  CHECK(suite.tasks[0].id == "a");
  CHECK(suite.tasks[0].dir == dir.path() / "first" / "tasks" / "a");
  CHECK(suite.tasks[1].id == "b");
  CHECK(suite.tasks[1].dir == other / "tasks" / "b");

  WriteSuite(other, "name: other\ntasks: [tasks/*, ../first/tasks/a]\n");
  auto twice = LoadSuite(other);
  REQUIRE_FALSE(twice);
  CHECK(twice.error().message.find("task id 'a' is used twice in suite other") !=
        std::string::npos);

  WriteSuite(other, "name: other\ntasks: [tasks/*, ../first/tasks/z*]\n");
  auto none = LoadSuite(other);
  REQUIRE_FALSE(none);
  CHECK(none.error().message.find("suite.yaml:2: task folder '../first/tasks/z*' does not exist") !=
        std::string::npos);
}

TEST_CASE("A suite's hash covers the task folders it borrows from elsewhere") {
  TempDir dir("suite-test");
  WriteSuite(dir.path() / "first", "name: first\ntasks: tasks/*\n");
  fs::path other = dir.path() / "other";
  WriteSuite(other, "name: other\ntasks: [tasks/b, ../first/tasks/a]\n");
  std::string first = SuiteHash(LoadSuite(dir.path() / "first").value()).value();
  std::string before = SuiteHash(LoadSuite(other).value()).value();
  testing::WriteTree(dir.path() / "first", {{"tasks/a/statement.md", "Fix the product.\n"}});
  CHECK(SuiteHash(LoadSuite(other).value()).value() != before);
  CHECK(SuiteHash(LoadSuite(dir.path() / "first").value()).value() != first);

  // The same suite reached through a path with "..": the same hash.
  CHECK(SuiteHash(LoadSuite(dir.path() / "first" / ".." / "other").value()).value() ==
        SuiteHash(LoadSuite(other).value()).value());

  // A suite that borrows nothing hashes its own folder only.
  std::string own = SuiteHash(LoadSuite(dir.path() / "first").value()).value();
  testing::WriteTree(other, {{"tasks/b/statement.md", "Something else.\n"}});
  CHECK(SuiteHash(LoadSuite(dir.path() / "first").value()).value() == own);
}

TEST_CASE("Malformed suites and tasks are one sentence naming file and line") {
  TempDir dir("suite-test");
  SECTION("unknown suite key") {
    WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\ntimeout: 3\n");
    auto result = LoadSuite(dir.path());
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("suite.yaml:3: unknown key 'timeout'") != std::string::npos);
  }
  SECTION("a glob that matches nothing") {
    WriteSuite(dir.path(), "name: demo\ntasks: problems/*\n");
    auto result = LoadSuite(dir.path());
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("suite.yaml:2: 'tasks: problems/*' matches no task folder") !=
          std::string::npos);
  }
  SECTION("unknown task key") {
    WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\n",
               "id: a\nstatement: x\nhidden_test: true\nhiden_test: true\n");
    auto result = LoadSuite(dir.path());
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("tasks/a/task.yaml:4: unknown key 'hiden_test'") !=
          std::string::npos);
  }
  SECTION("a statement file that does not exist") {
    WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\n",
               "id: a\nstatement: missing.md\nhidden_test: true\n");
    auto result = LoadSuite(dir.path());
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("task.yaml:2: statement file") != std::string::npos);
  }
  SECTION("a bad result format") {
    WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\n",
               "id: a\nstatement: x\nhidden_test: true\nresult: tap\n");
    auto result = LoadSuite(dir.path());
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("task.yaml:4: 'result' must be") != std::string::npos);
  }
  SECTION("two tasks with one id") {
    WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\n",
               "id: b\nstatement: x\nhidden_test: true\n");
    auto result = LoadSuite(dir.path());
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("task id 'b' is used twice") != std::string::npos);
  }
  SECTION("build_reads naming a file outside tests/: absolute, or through ..") {
    for (std::string read : {"/etc/hostname", "../task.yaml"}) {
      WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\n",
                 "id: a\nstatement: x\nhidden_test:\n  build: \"true\"\n  build_reads: [" + read +
                     "]\n  run: \"true\"\n  cases: [one]\n");
      auto result = LoadSuite(dir.path());
      REQUIRE_FALSE(result);
      CHECK(result.error().message.find("build_reads: '" + read + "' is not a file of tests/") !=
            std::string::npos);
    }
  }
  SECTION("visible_cases outside the workspace, with listed cases, or naming no cases") {
    struct Case {
      std::string yaml;
      std::string expected;
    };
    for (const Case& c :
         {Case{"  cases: [one]\n  visible_cases: v\n", "'visible_cases' needs 'cases' to be a folder"},
          Case{"  cases: [one]\n  visible_cases: ../tests\n",
               "'visible_cases' must be a folder inside workspace/"},
          Case{"  cases: [one]\n  visible_cases: [v]\n",
               "'visible_cases' must be a folder inside workspace/"}}) {
      WriteSuite(dir.path(), "name: demo\ntasks: tasks/*\n",
                 "id: a\nstatement: x\nhidden_test:\n  run: \"true\"\n" + c.yaml);
      auto result = LoadSuite(dir.path());
      REQUIRE_FALSE(result);
      CHECK_THAT(result.error().message, Catch::Contains(c.expected));
      CHECK_THAT(result.error().message, Catch::Contains("task.yaml:"));
    }
  }
  SECTION("no suite at all") {
    auto result = LoadSuite(dir.path() / "nothing");
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::kNotFound);
  }
}

}  // namespace clade::sandbox
