#include "engine/search/budget.h"

#include <catch2/catch.hpp>

namespace clade::search {
namespace {

TEST_CASE("The first spent budget is named with its figures") {
  BudgetConfig budget{.iterations = 5, .variants = 20, .wall_seconds = 600};
  RunState state;
  state.iterations = 4;
  state.children = 12;
  CHECK(!SpentBudget(budget, state, 100));
  CHECK(SpentBudget(budget, state, 600) == "wall time (10m00s of 10m00s)");
  state.children = 20;
  CHECK(SpentBudget(budget, state, 100) == "variants (20 of 20)");
  state.iterations = 5;
  CHECK(SpentBudget(budget, state, 100) == "iterations (5 of 5)");
  BudgetConfig money{.money = 1.5};
  state.cost = 1.6;
  CHECK(SpentBudget(money, state, 0) == "money (1.60 of 1.50)");
  CHECK(!SpentBudget(BudgetConfig{}, state, 1e9));  // no budget: never spent
  BudgetConfig cpu{.cpu_seconds = 3600};
  state.cpu_seconds = 3700;
  CHECK(SpentBudget(cpu, state, 0) == "CPU time (1h01m of 1h00m)");
  CHECK(BudgetUsage(cpu, state, 0) == "cpu 1h01m/1h00m");
  BudgetConfig tasks{.task_evaluations = 50};
  state.task_evaluations = 50;
  CHECK(SpentBudget(tasks, state, 0) == "task evaluations (50 of 50)");
}

TEST_CASE("Usage shows only the budgets that are set") {
  BudgetConfig budget{.iterations = 20, .wall_seconds = 900};
  RunState state;
  state.iterations = 3;
  CHECK(BudgetUsage(budget, state, 130) == "iter 3/20  time 2m10s/15m00s");
  CHECK(TimeLeft(budget, 130) == 770);
  CHECK(!TimeLeft(BudgetConfig{}, 130));
}

TEST_CASE("Children left count the smaller of the variant and iteration budgets") {
  RunState state;
  state.children = 7;
  CHECK(ChildrenLeft(BudgetConfig{.variants = 10}, state, 3) == 3);
  CHECK(ChildrenLeft(BudgetConfig{.iterations = 4}, state, 3) == 5);  // 12 in all
  CHECK(ChildrenLeft(BudgetConfig{.iterations = 4, .variants = 10}, state, 3) == 3);
  CHECK(ChildrenLeft(BudgetConfig{.variants = 5}, state, 3) == 0);  // never negative
  CHECK(!ChildrenLeft(BudgetConfig{.wall_seconds = 60}, state, 3));
}

TEST_CASE("The share of the budget spent is the largest over the budgets that are set") {
  RunState state;
  CHECK(SpentFraction(BudgetConfig{}, state, 1, 1e9) == 0);  // no budget: nothing to spend
  state.children = 5;
  state.cpu_seconds = 900;
  CHECK(SpentFraction(BudgetConfig{.variants = 20}, state, 1, 0) == 0.25);
  CHECK(SpentFraction(BudgetConfig{.iterations = 5}, state, 2, 0) == 0.5);  // 10 children
  CHECK(SpentFraction(BudgetConfig{.variants = 20, .cpu_seconds = 1200}, state, 1, 0) == 0.75);
  CHECK(SpentFraction(BudgetConfig{.wall_seconds = 100}, state, 1, 20) == 0.2);
  state.task_evaluations = 80;
  CHECK(SpentFraction(BudgetConfig{.task_evaluations = 40}, state, 1, 0) == 1);  // at most 1
}

TEST_CASE("The time left is the children left at the pace so far, within the wall budget") {
  RunState state;
  state.children = 2;
  BudgetConfig by_children{.variants = 6};
  CHECK(EstimatedSecondsLeft(by_children, state, 1, 500, 200.0) == 800);
  CHECK(!EstimatedSecondsLeft(by_children, state, 1, 500, std::nullopt));  // no pace yet
  BudgetConfig capped{.variants = 6, .wall_seconds = 900};
  CHECK(EstimatedSecondsLeft(capped, state, 1, 500, 200.0) == 400);  // the wall budget ends first
  CHECK(!EstimatedSecondsLeft(BudgetConfig{.wall_seconds = 900}, state, 1, 500, 200.0));
}

TEST_CASE("The time left by a CPU-time budget is the CPU left at the wall pace per CPU second so far") {
  RunState state;
  state.children = 2;
  state.cpu_seconds = 1000;  // in 500 wall seconds: 0.5 wall seconds per CPU second
  BudgetConfig by_cpu{.cpu_seconds = 3000};
  CHECK(EstimatedSecondsLeft(by_cpu, state, 1, 500, 200.0) == 1000);
  CHECK(EstimatedSecondsLeft(by_cpu, state, 1, 500, std::nullopt) == 1000);  // no child yet
  BudgetConfig both{.variants = 12, .cpu_seconds = 3000};  // 10 children would take 2,000 s
  CHECK(EstimatedSecondsLeft(both, state, 1, 500, 200.0) == 1000);  // the CPU budget ends first
  BudgetConfig few{.variants = 4, .cpu_seconds = 3000};
  CHECK(EstimatedSecondsLeft(few, state, 1, 500, 200.0) == 400);  // the children budget does
  state.cpu_seconds = 0;
  CHECK(!EstimatedSecondsLeft(by_cpu, state, 1, 500, 200.0));  // no CPU counted yet
  state.cpu_seconds = 3500;
  CHECK(EstimatedSecondsLeft(by_cpu, state, 1, 500, 200.0) == 0);  // spent: never negative
}

TEST_CASE("Seconds are formatted for people") {
  CHECK(FormatSeconds(5) == "5s");
  CHECK(FormatSeconds(75) == "1m15s");
  CHECK(FormatSeconds(3700) == "1h01m");
  CHECK(FormatSeconds(90000) == "1d01h");
  CHECK(FormatSeconds(-3) == "0s");
}

}  // namespace
}  // namespace clade::search
