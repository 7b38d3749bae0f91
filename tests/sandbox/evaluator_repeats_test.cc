// Repeats (sandbox::Repeats, docs/evaluation.md "Repeats"): each task run several times,
// the record keeping every run's score, their mean, and the score's standard error.
#include <cmath>

#include "sandbox/evaluator.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

TaskResult Run(double score, std::string status = "solved") {
  TaskResult run;
  run.id = "t";
  run.score = score;
  run.status = std::move(status);
  run.seconds = 1;
  run.cpu_seconds = 0.5;
  return run;
}

// A suite of two tasks: on "coin" the agent solves the task on one run in two (a byte of
// /dev/urandom), on "sure" always.
struct CoinFixture {
  TempDir dir{"repeats-test"};

  CoinFixture() {
    std::map<std::string, std::string> files = {
        {"agent/agent.yaml", "name: coin\nbuild: [\"true\"]\nrun: \"sh {src}/run.sh\"\n"},
        {"agent/run.sh",
         "if grep -q coin \"$CLADE_TASK\"; then\n"
         "  b=$(od -An -N1 -tu1 /dev/urandom | tr -d ' ')\n"
         "  [ $((b % 2)) -eq 0 ] || exit 0\n"
         "fi\n"
         "echo right > answer.txt\n"},
        {"suite/suite.yaml", "name: coin\ntasks: tasks/*\nlimits: {agent_seconds: 5}\n"}};
    for (const char* id : {"coin", "sure"}) {
      std::string task = std::string("suite/tasks/") + id;
      files[task + "/task.yaml"] = std::string("id: ") + id + "\nstatement: " + id +
                                   "\nhidden_test: sh .clade-tests/run.sh\n";
      files[task + "/workspace/.keep"] = "";
      files[task + "/tests/run.sh"] =
          "if [ -f answer.txt ]; then echo '1 passed, 0 failed'; else echo '0 passed, 1 "
          "failed'; fi\n";
    }
    testing::WriteTree(dir.path(), files);
  }

  Evaluation Evaluate(const Repeats& repeats) {
    HarnessOptions harness{.work = dir.path() / "work"};
    EvalOptions options{.workers = 2};
    options.repeats = repeats;
    auto evaluation =
        sandbox::Evaluate(harness, dir.path() / "agent", LoadSuite(dir.path() / "suite").value(),
                          options);
    REQUIRE(evaluation);
    REQUIRE(evaluation->status == EvalStatus::kEvaluated);
    REQUIRE(evaluation->tasks.size() == 2);
    return *evaluation;
  }
};

}  // namespace

TEST_CASE("MergeRepeats: the mean score, every run's score, summed times, status varied") {
  TaskResult merged = MergeRepeats({Run(1), Run(0, "unsolved"), Run(1)});
  CHECK(merged.repeat_scores == std::vector<double>{1, 0, 1});
  CHECK(merged.score == Approx(2.0 / 3));
  CHECK(merged.status == "varied");
  CHECK(merged.seconds == 3);
  CHECK(merged.cpu_seconds == 1.5);
  CHECK(merged.log.find("== repeat 2 of 3: unsolved, score 0.000") != std::string::npos);

  TaskResult same = MergeRepeats({Run(0.5, "partial"), Run(0.5, "partial")});
  CHECK(same.status == "partial");  // runs that agree keep their status
  CHECK(same.score == 0.5);

  TaskResult once = MergeRepeats({Run(1)});
  CHECK(once.repeat_scores.empty());  // a task run once records no runs
}

TEST_CASE("MergeRepeats: tampering in any run makes the task tampered, score 0") {
  TaskResult cheat = Run(1);
  cheat.tampered.push_back({.step = "agent", .task = "t", .path = "tests.txt", .change = "modified"});
  TaskResult merged = MergeRepeats({Run(1), cheat});
  CHECK(merged.status == "tampered");
  CHECK(merged.score == 0);
  CHECK(merged.tampered.size() == 1);
}

TEST_CASE("ScoreStderr: the standard error of the mean from each task's repeats") {
  TaskResult varied = MergeRepeats({Run(1), Run(0)});  // sample variance 0.5, two runs
  TaskResult stable = Run(1);                           // run once: no spread
  // sqrt(0.5 / 2 + 0) / 2 tasks
  CHECK(ScoreStderr({varied, stable}).value() == Approx(0.25));
  CHECK_FALSE(ScoreStderr({stable, stable}).has_value());
  TaskResult agreed = MergeRepeats({Run(1), Run(1), Run(1)});
  CHECK(ScoreStderr({agreed}).value() == 0);
}

TEST_CASE("Repeats: every task runs N times, the record keeps the runs, mean and standard error") {
  CoinFixture f;
  Evaluation evaluation = f.Evaluate({.count = 12});
  const TaskResult& coin = evaluation.tasks[0];
  const TaskResult& sure = evaluation.tasks[1];
  INFO(coin.log);
  REQUIRE(coin.repeat_scores.size() == 12);
  REQUIRE(sure.repeat_scores.size() == 12);
  double sum = 0;
  for (double score : coin.repeat_scores) sum += score;
  CHECK(coin.score == Approx(sum / 12));
  CHECK(sure.score == 1);
  CHECK(sure.status == "solved");
  // A fair coin lands the same way 12 times in a row with probability 2^-11.
  CHECK(coin.status == "varied");
  REQUIRE(evaluation.score_stderr.has_value());
  CHECK(*evaluation.score_stderr > 0);
  CHECK(evaluation.score == Approx((coin.score + 1) / 2));

  nlohmann::json record = evaluation.ToRecord();
  CHECK(record["repeats"] == nlohmann::json{{"count", 12}, {"adaptive", false}});
  CHECK(record["score_stderr"].get<double>() == Approx(*evaluation.score_stderr));
  CHECK(record["tasks"][0]["scores"].size() == 12);
}

TEST_CASE("Adaptive repeats: a task whose first two runs agree runs no more") {
  CoinFixture f;
  Evaluation evaluation = f.Evaluate({.count = 6, .adaptive = true});
  const TaskResult& coin = evaluation.tasks[0];
  const TaskResult& sure = evaluation.tasks[1];
  CHECK(sure.repeat_scores == std::vector<double>{1, 1});
  // The coin runs 6 times when its first two runs disagree, else 2.
  bool disagreed = coin.repeat_scores.size() >= 2 && coin.repeat_scores[0] != coin.repeat_scores[1];
  CHECK(coin.repeat_scores.size() == (disagreed ? 6u : 2u));
}

TEST_CASE("Without repeats the record has no runs, no standard error and no repeats key") {
  CoinFixture f;
  Evaluation evaluation = f.Evaluate({});
  CHECK(evaluation.tasks[1].repeat_scores.empty());
  CHECK_FALSE(evaluation.score_stderr.has_value());
  nlohmann::json record = evaluation.ToRecord();
  CHECK_FALSE(record.contains("repeats"));
  CHECK_FALSE(record.contains("score_stderr"));
  CHECK_FALSE(record["tasks"][1].contains("scores"));
}

}  // namespace clade::sandbox
