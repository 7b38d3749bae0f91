#include "engine/search/task_scheduler.h"

#include <algorithm>
#include <cmath>
#include <map>

#include <catch2/catch.hpp>

#include "engine/search/evaluation_store.h"

namespace clade::search {
namespace {

TEST_CASE("Tasks scheduler: the tree widens as evaluations^exponent, as HGM's") {
  TaskScheduler scheduler(10, 0.5);
  scheduler.Add(0, std::nullopt, {0, 1, 2, 3, 4, 5, 6, 7, 8, 9});  // the seed, complete
  for (int i = 0; i < 10; ++i) scheduler.AddScore(0, 0.5);
  CHECK(scheduler.evaluations() == 0);  // the seed's tasks do not count
  CHECK(scheduler.ShouldExpand(0));     // 0^0.5 >= 0 children: the first child
  CHECK(!scheduler.ShouldExpand(1));    // ... but not a second while it is in flight
  scheduler.Add(1, 0, {});
  CHECK(!scheduler.ShouldExpand(0));  // 0 >= 1 fails until the child has a result
  size_t task = scheduler.TakeTask(1);
  CHECK(task == 0);
  scheduler.AddScore(1, 1.0);
  CHECK(scheduler.ShouldExpand(0));  // 1 >= 1
  scheduler.Add(2, 0, {});
  for (int i = 0; i < 3; ++i) {
    scheduler.TakeTask(1);
    scheduler.AddScore(1, 1.0);
  }
  CHECK(scheduler.evaluations() == 4);
  CHECK(scheduler.ShouldExpand(0));   // sqrt(4) = 2 >= 2 children
  CHECK(!scheduler.ShouldExpand(1));  // 2 >= 3 fails
}

TEST_CASE("Tasks scheduler: each variant takes the tasks in the common order, gaps first") {
  TaskScheduler scheduler(4, 0.6);
  scheduler.Add(0, std::nullopt, {0, 2});  // a resumed record with tasks 0 and 2
  CHECK(scheduler.TasksLeft(0));
  CHECK(scheduler.TakeTask(0) == 1);
  CHECK(scheduler.TakeTask(0) == 3);
  CHECK(!scheduler.TasksLeft(0));
  scheduler.GiveBack(0, 1);  // its run failed for the infrastructure: given again
  CHECK(scheduler.TasksLeft(0));
  CHECK(scheduler.TakeTask(0) == 1);
  scheduler.Add(1, 0, {});
  scheduler.Close(1);  // its build failed
  CHECK(!scheduler.TasksLeft(1));
  CHECK(!scheduler.Complete(0));  // given out is not scored
  for (int i = 0; i < 4; ++i) scheduler.AddScore(0, 1.0);
  CHECK(scheduler.Complete(0));
}

TEST_CASE("Tasks scheduler: parents by their clade, evaluations by their own scores") {
  // Variant 1 scores 0.45 itself, below variant 2's 0.5, but its child 3 scores 0.7: 1's
  // clade (0.575 over 40 tasks) is stronger than 2's, so 1 is drawn as a parent more
  // often than 2, while for the next task evaluation 2 is drawn more often than 1.
  TaskScheduler scheduler(40, 0.6);
  scheduler.Add(0, std::nullopt);
  scheduler.AddScore(0, 0.1);
  scheduler.Add(1, 0);
  scheduler.Add(2, 0);
  scheduler.Add(3, 1);
  for (int i = 0; i < 20; ++i) {
    scheduler.AddScore(1, 0.45);
    scheduler.AddScore(2, 0.5);
    scheduler.AddScore(3, 0.7);
  }
  selection::Rng rng(7);
  std::map<archive::VariantId, int> parents;
  std::map<archive::VariantId, int> evaluated;
  for (int i = 0; i < 1000; ++i) {
    parents[*scheduler.ChooseParent(rng)] += 1;
    evaluated[*scheduler.ChooseToEvaluate(rng)] += 1;
  }
  // Expected shares (20,000 draws in Python): parents 0.06 / 0.14 / 0.06 / 0.74,
  // evaluations 0.13 / 0.04 / 0.08 / 0.76.
  CHECK(parents[1] > parents[2]);
  CHECK(evaluated[2] > evaluated[1]);
  CHECK(parents[3] > 600);
  CHECK(evaluated[3] > 600);
  // A variant with no score above 0 is never a parent.
  TaskScheduler zero(3, 0.6);
  zero.Add(0, std::nullopt);
  zero.AddScore(0, 0.0);
  CHECK(!zero.ChooseParent(rng));
}

TEST_CASE("Tasks scheduler: HGM's cool-down makes the draws greedier as the budget ends") {
  CHECK(CoolDown(0.9, 0) == 1);  // off
  CHECK(CoolDown(0, 1) == 1);    // nothing spent: plain Thompson sampling
  CHECK(CoolDown(0.5, 1) == Approx(2));
  CHECK(CoolDown(0.75, 2) == Approx(16));
  CHECK(CoolDown(1, 1) == 10000);           // spent: HGM's 10,000
  CHECK(CoolDown(0.999999, 1) == 10000);    // never more
  // Variant 1 scores 0.5 and variant 2 0.6 on 10 tasks each: plain Thompson sampling
  // draws 1 often for its next task (the posteriors overlap); at the end of the budget
  // the draws are greedy, 2 always.
  TaskScheduler scheduler(40, 0.6);
  scheduler.Add(0, std::nullopt);
  scheduler.AddScore(0, 0.5);
  scheduler.Add(1, 0);
  scheduler.Add(2, 0);
  for (int i = 0; i < 10; ++i) {
    scheduler.AddScore(1, 0.5);
    scheduler.AddScore(2, 0.6);
  }
  selection::Rng rng(11);
  auto draws = [&](double concentration) {
    std::map<archive::VariantId, int> evaluated, parents;
    for (int i = 0; i < 1000; ++i) {
      evaluated[*scheduler.ChooseToEvaluate(rng, concentration)] += 1;
      parents[*scheduler.ChooseParent(rng, concentration)] += 1;
    }
    return std::pair{evaluated, parents};
  };
  auto [plain, plain_parents] = draws(1);
  auto [cooled, cooled_parents] = draws(CoolDown(1, 1));
  // Expected (Beta(6, 5) against Beta(7, 4)): P(variant 1 drawn) about 0.3.
  CHECK(plain[1] > 150);
  CHECK(plain_parents[1] > 100);
  CHECK(cooled[2] == 1000);
  CHECK(cooled_parents[2] == 1000);  // 2's clade is itself; 0's includes 1 and 2
}

TEST_CASE("Tasks scheduler: the task order is a permutation fixed by the run's seed") {
  sandbox::Suite suite;
  suite.name = "s";
  for (char c = 'a'; c <= 'j'; ++c) suite.tasks.push_back({.id = std::string(1, c)});
  auto ids = [](const std::vector<sandbox::Suite>& order) {
    std::string text;
    for (const sandbox::Suite& one : order) {
      REQUIRE(one.tasks.size() == 1);
      text += one.tasks[0].id;
    }
    return text;
  };
  std::string first = ids(TaskOrder(suite, std::nullopt, 1));
  CHECK(first.size() == 10);
  CHECK(ids(TaskOrder(suite, std::nullopt, 1)) == first);  // the same on resume
  CHECK(ids(TaskOrder(suite, std::nullopt, 2)) != first);
  std::string sorted = first;
  std::sort(sorted.begin(), sorted.end());
  CHECK(sorted == "abcdefghij");
  std::string four = ids(TaskOrder(suite, 4, 1));  // evaluation.tasks: 4
  std::sort(four.begin(), four.end());
  CHECK(four == "abcd");
}

sandbox::Evaluation OneTask(const std::string& id, double score) {
  sandbox::Evaluation evaluation;
  evaluation.suite = "repair";
  evaluation.suite_hash = "h";
  evaluation.eval_seconds = 2;
  evaluation.stage_reached = 1;
  sandbox::TaskResult task;
  task.id = id;
  task.score = score;
  task.status = score == 1 ? "solved" : "partial";
  task.log = "log of " + id;
  evaluation.tasks = {task};
  evaluation.score = score;
  return evaluation;
}

TEST_CASE("AddTaskRun: a record grows a task at a time and is complete only at the end") {
  sandbox::Evaluation first = OneTask("b", 1.0);
  first.suite_tasks = 3;
  first.status = EvalStatus::kBelowThreshold;
  nlohmann::json record = first.ToRecord();
  record["variant"] = 4;
  record["mutation"] = {{"mutator", "gi"}};
  record["cache_key"] = "k:partial";
  CHECK(record["per_task"] == nlohmann::json{{"run", 1}, {"of", 3}});

  nlohmann::json second = *AddTaskRun(record, OneTask("a", 0.5), 3, "k");
  CHECK(second["status"] == "below_threshold");
  CHECK(second["score"].get<double>() == Approx(0.75));
  CHECK(second["tasks"][0]["id"] == "a");  // suite order, whatever order they ran in
  CHECK(second["tasks"][1]["id"] == "b");
  CHECK(second["per_task"] == nlohmann::json{{"run", 2}, {"of", 3}});
  CHECK(second["cache_key"] == "k:partial");  // never a cache hit while incomplete
  CHECK(second["mutation"]["mutator"] == "gi");  // the fields the evaluator does not own stay
  CHECK(second["timings"]["eval_seconds"].get<double>() == Approx(4));

  nlohmann::json third = *AddTaskRun(second, OneTask("c", 0.0), 3, "k");
  CHECK(third["status"] == "evaluated");
  CHECK(third["score"].get<double>() == Approx(0.5));
  CHECK(third["cache_key"] == "k");

  sandbox::Evaluation broken = OneTask("c", 0.0);
  broken.tasks.clear();
  broken.status = EvalStatus::kBuildFailed;
  broken.score = 0;
  nlohmann::json failed = *AddTaskRun(second, broken, 3, "k");
  CHECK(failed["status"] == "build_failed");
  CHECK(failed["score"].get<double>() == 0);
  CHECK(failed["cache_key"] == "k:partial");

  nlohmann::json damaged = record;
  damaged["tasks"] = "none";
  CHECK(!AddTaskRun(damaged, OneTask("a", 1.0), 3, "k"));
}

}  // namespace
}  // namespace clade::search
