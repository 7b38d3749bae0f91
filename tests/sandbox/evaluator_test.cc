#include "sandbox/evaluator.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "sandbox/tree_sync.h"
#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

// An agent in C: it writes "right" into answer.txt, unless the task statement says
// "cheat", in which case it plants a fake scorer at .clade-tests/run.sh instead.
constexpr char kAgent[] = R"(#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
int main(void) {
  char buffer[4096] = {0};
  FILE* task = fopen(getenv("CLADE_TASK"), "r");
  if (!task) return 3;
  fread(buffer, 1, sizeof buffer - 1, task);
  fclose(task);
  char* link = strstr(buffer, "link:");
  if (link) {
    char* end = strchr(link, '"');
    if (end) *end = 0;
    return symlink(link + 5, ".clade-tests") == 0 ? 0 : 4;
  }
  if (strstr(buffer, "cheat")) {
    mkdir(".clade-tests", 0755);
    FILE* fake = fopen(".clade-tests/run.sh", "w");
    fputs("echo '9 passed, 0 failed'\n", fake);
    fclose(fake);
    return 0;
  }
  FILE* answer = fopen("answer.txt", "w");
  fputs(ANSWER "\n", answer);
  fclose(answer);
  return 0;
}
)";

constexpr char kHiddenTest[] = R"(p=0; f=0
if grep -qx right answer.txt; then p=$((p+1)); else f=$((f+1)); fi
if [ -f answer.txt ]; then p=$((p+1)); else f=$((f+1)); fi
echo "$p passed, $f failed"
)";

struct Fixture {
  TempDir dir{"evaluator-test"};
  fs::path agent = dir.path() / "agent";
  fs::path suite_dir = dir.path() / "suite";
  HarnessOptions harness{.work = dir.path() / "work"};

  explicit Fixture(const std::string& answer = "right") {
    WriteAgent(answer);
    std::map<std::string, std::string> files = {
        {"suite.yaml",
         "name: tiny\ntasks: tasks/*\nlimits: {agent_seconds: 20, test_seconds: 20}\n"}};
    for (std::string id : {"t1", "t2", "t3"}) {
      files["tasks/" + id + "/task.yaml"] = "id: " + id +
                                            "\nstatement: " + (id == "t3" ? "cheat" : "answer") +
                                            "\nhidden_test: sh .clade-tests/run.sh\n";
      files["tasks/" + id + "/workspace/answer.txt"] = "wrong\n";
      files["tasks/" + id + "/tests/run.sh"] = kHiddenTest;
    }
    testing::WriteTree(suite_dir, files);
  }

  void WriteAgent(const std::string& answer) {
    testing::WriteTree(agent, {{"agent.yaml", "name: tiny\nbuild:\n  - cc -DANSWER='\"" + answer +
                                                  "\"' -o {build}/agent {src}/agent.c\n"
                                                  "run: \"{build}/agent\"\n"},
                               {"agent.c", kAgent}});
  }
};

}  // namespace

TEST_CASE("An agent is built and run on every task, and scored by the hidden tests") {
  Fixture f;
  Suite suite = LoadSuite(f.suite_dir).value();
  size_t progress_calls = 0;
  EvalOptions options{.workers = 2};
  options.on_task = [&](const TaskResult&, size_t, size_t total) {
    ++progress_calls;
    CHECK(total == 3);
  };
  Evaluation eval = Evaluate(f.harness, f.agent, suite, options).value();
  INFO(eval.build.log);
  REQUIRE(eval.status == EvalStatus::kEvaluated);
  REQUIRE(eval.tasks.size() == 3);
  CHECK(progress_calls == 3);
  CHECK(eval.tasks[0].status == "solved");
  CHECK(eval.tasks[0].score == 1.0);
  CHECK(eval.tasks[1].passed == 2);
  // t3's agent planted a fake scorer; the real hidden tests replaced it.
  CHECK(eval.tasks[2].status == "partial");
  CHECK(eval.tasks[2].score == 0.5);
  CHECK(eval.score == Approx(2.5 / 3));
  nlohmann::json record = eval.ToRecord();
  CHECK(record["status"] == "evaluated");
  CHECK(record["benchmark"] == "tiny");
  CHECK(record["tasks"].size() == 3);
  CHECK(record["tasks"][2]["id"] == "t3");
  CHECK(record["stage"]["reached"] == 1);
  CHECK(record["suite_hash"].get<std::string>().size() == 32);
  // The task's own workspace is untouched: each run got a fresh copy.
  CHECK(ReadFile(f.suite_dir / "tasks/t1/workspace/answer.txt").value() == "wrong\n");
}

TEST_CASE("A symlink planted at .clade-tests never sends the hidden tests outside") {
  Fixture f;
  fs::path victim = f.dir.path() / "victim";
  fs::create_directories(victim);
  testing::WriteTree(f.suite_dir,
                     {{"tasks/t1/task.yaml", "id: t1\nstatement: link:" + victim.string() +
                                                 "\nhidden_test: sh .clade-tests/run.sh\n"}});
  Evaluation eval =
      Evaluate(f.harness, f.agent, LoadSuite(f.suite_dir).value(), {.max_tasks = 1}).value();
  REQUIRE(eval.tasks.size() == 1);
  CHECK(eval.tasks[0].log.find("== agent (ok") != std::string::npos);  // the link was made
  CHECK(eval.tasks[0].status == "partial");  // the real tests ran: answer.txt says wrong
  CHECK(fs::is_empty(victim));
}

TEST_CASE("A wrong answer scores what the hidden tests give it") {
  Fixture f("wrong");
  Evaluation eval = Evaluate(f.harness, f.agent, LoadSuite(f.suite_dir).value(), {}).value();
  CHECK(eval.tasks[0].status == "partial");
  CHECK(eval.score == Approx(0.5));
}

TEST_CASE("A build failure is recorded with the compiler's output, and no task runs") {
  Fixture f;
  REQUIRE(WriteFile(f.agent / "agent.c", "int main( { syntax error\n"));
  Evaluation eval = Evaluate(f.harness, f.agent, LoadSuite(f.suite_dir).value(), {}).value();
  CHECK(eval.status == EvalStatus::kBuildFailed);
  CHECK(eval.tasks.empty());
  CHECK(eval.score == 0);
  CHECK(eval.build.log.find("error") != std::string::npos);
  CHECK(eval.ToRecord()["status"] == "build_failed");
}

TEST_CASE("Stored logs name the slot's folders by placeholder, the same from any work directory") {
  Fixture f;
  REQUIRE(WriteFile(f.agent / "agent.c", "int main( { syntax error\n"));
  testing::WriteTree(f.suite_dir / "tasks/t1",
                     {{"task.yaml", "id: t1\nstatement: answer\n"
                                    "hidden_test: \"pwd; echo '1 passed, 0 failed'\"\n"}});
  std::vector<std::string> build_logs;
  for (const char* name : {"work", "elsewhere/deeper"}) {
    f.harness.work = f.dir.path() / name;
    Evaluation broken = Evaluate(f.harness, f.agent, LoadSuite(f.suite_dir).value(), {}).value();
    REQUIRE(broken.status == EvalStatus::kBuildFailed);
    INFO(broken.build.log);
    CHECK(broken.build.log.find("{src}/agent.c") != std::string::npos);  // the compiler's error
    CHECK(broken.build.log.find("-o '{build}'/agent") != std::string::npos);  // the command line
    CHECK(broken.build.log.find(f.dir.path().string()) == std::string::npos);
    build_logs.push_back(broken.build.log);

    f.WriteAgent("right");
    Evaluation ran = Evaluate(f.harness, f.agent, LoadSuite(f.suite_dir).value(), {.max_tasks = 1}).value();
    REQUIRE(ran.tasks.size() == 1);
    INFO(ran.tasks[0].log);
    CHECK(ran.tasks[0].log.find("\n{task}/workspace\n") != std::string::npos);  // the test's pwd
    CHECK(ran.tasks[0].log.find(f.dir.path().string()) == std::string::npos);
    REQUIRE(WriteFile(f.agent / "agent.c", "int main( { syntax error\n"));
  }
  CHECK(build_logs[0] == build_logs[1]);
}

TEST_CASE("Staged evaluation stops after a stage below its threshold") {
  Fixture f("wrong");
  EvalOptions options{.stages = {{.tasks = 1, .threshold = 0.9}, {}}};
  Evaluation eval = Evaluate(f.harness, f.agent, LoadSuite(f.suite_dir).value(), options).value();
  CHECK(eval.stage_reached == 1);
  CHECK(eval.stages == 2);
  CHECK(eval.tasks.size() == 1);
  CHECK(eval.status == EvalStatus::kBelowThreshold);
  CHECK(eval.ToRecord()["status"] == "below_threshold");
  Fixture good;
  Evaluation all = Evaluate(good.harness, good.agent, LoadSuite(good.suite_dir).value(),
                            {.stages = {{.tasks = 1, .threshold = 0.9}, {}}})
                       .value();
  CHECK(all.stage_reached == 2);
  CHECK(all.tasks.size() == 3);
  CHECK(all.status == EvalStatus::kEvaluated);
}

TEST_CASE("The parent gate runs the parent's unsolved tasks first, only a child beating it goes on") {
  // The parent solved t1 only; on t2 and t3 it scored 0.5 each.
  std::map<std::string, double> parent = {{"t1", 1.0}, {"t2", 0.5}, {"t3", 0.5}};
  Fixture good;  // t2 1.0, t3 0.5: better than the parent there
  EvalOptions options{.stages = {{.tasks = 1, .threshold = 0.9}, {}}, .parent_scores = parent};
  Evaluation all =
      Evaluate(good.harness, good.agent, LoadSuite(good.suite_dir).value(), options).value();
  CHECK(all.status == EvalStatus::kEvaluated);
  CHECK(all.stage_reached == 2);
  REQUIRE(all.tasks.size() == 3);
  CHECK(all.tasks[0].id == "t1");  // the record is in suite order, t1 ran last
  CHECK(all.tasks[2].id == "t3");
  CHECK(all.score == Approx(2.5 / 3));
  Fixture same("wrong");  // 0.5 on every task: no better than the parent on t2 and t3
  Evaluation gated =
      Evaluate(same.harness, same.agent, LoadSuite(same.suite_dir).value(), options).value();
  CHECK(gated.status == EvalStatus::kBelowThreshold);
  REQUIRE(gated.tasks.size() == 2);
  CHECK(gated.tasks[0].id == "t2");
  CHECK(gated.tasks[1].id == "t3");
  // A parent that solved everything leaves nothing to gate on: the whole suite runs.
  options.parent_scores = {{{"t1", 1.0}, {"t2", 1.0}, {"t3", 1.0}}};
  Evaluation whole =
      Evaluate(same.harness, same.agent, LoadSuite(same.suite_dir).value(), options).value();
  CHECK(whole.status == EvalStatus::kEvaluated);
  CHECK(whole.tasks.size() == 3);
}

TEST_CASE("A build slot starts empty and is emptied after the evaluation") {
  Fixture f;
  Suite suite = LoadSuite(f.suite_dir).value();
  // A file in the slot left from before (a planted build product, a crashed run's rest).
  testing::WriteTree(f.harness.work / "slot-0", {{"build/agent", "#!/bin/sh\necho planted\n"},
                                                 {"stale.txt", "old\n"}});
  Evaluation first = Evaluate(f.harness, f.agent, suite, {.max_tasks = 1}).value();
  CHECK(first.build.files_written == 2);
  CHECK(first.tasks.at(0).status == "solved");
  CHECK(fs::is_empty(f.harness.work / "slot-0"));
}

}  // namespace clade::sandbox
