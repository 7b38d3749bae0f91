#include "engine/search/run_state.h"

#include <catch2/catch.hpp>

namespace clade::search {
namespace {

TEST_CASE("The run state survives JSON, plan and 64-bit seeds included") {
  RunState state;
  state.name = "r";
  state.benchmark = "repair";
  state.fingerprint = {{"seed", 1}};
  state.iterations = 3;
  state.children = 9;
  state.failures = 2;
  state.tokens = 1234;
  state.cost = 0.5;
  state.seconds = 61.5;
  state.sessions = 2;
  state.rng = "1 2 3";
  state.plan = IterationPlan{
      3, 10, 9, 2, 500, 0.25, {{4, 18446744073709551557ull, {2}}, {7, 1, {}, 0, /*model=*/1}}};
  auto back = RunState::FromJson(nlohmann::json::parse(state.ToJson().dump()));
  REQUIRE(back);
  CHECK(back->ToJson() == state.ToJson());
  REQUIRE(back->plan);
  CHECK(back->plan->children[0].seed == 18446744073709551557ull);
  CHECK(back->plan->children[0].donors == std::vector<int>{2});
  // The ensemble's model of each planned child, so a resumed plan uses the same models.
  CHECK(back->plan->children[0].model == 0);
  CHECK(back->plan->children[1].model == 1);
}

TEST_CASE("A damaged run state is an error, not a crash") {
  CHECK(!RunState::FromJson(nlohmann::json::object()));
  CHECK(!RunState::FromJson({{"version", 1}, {"name", 3}}));
  auto wrong = RunState::FromJson({{"version", 2}});
  REQUIRE(!wrong);
  CHECK(wrong.error().message == "the run state has an unknown version");
}

}  // namespace
}  // namespace clade::search
