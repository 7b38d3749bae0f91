#include "engine/model/model_bandit.h"

#include <catch2/catch.hpp>

namespace clade::model {
namespace {

TEST_CASE("Model selection: names, fixed and round robin") {
  CHECK(ParseModelSelection("ucb") == ModelSelection::kUcb);
  CHECK(ParseModelSelection("round_robin") == ModelSelection::kRoundRobin);
  CHECK(!ParseModelSelection("bandit"));
  CHECK(ModelSelectionName(ModelSelection::kFixed) == "fixed");
  ModelBandit fixed(ModelSelection::kFixed, 3);
  ModelBandit round(ModelSelection::kRoundRobin, 3);
  for (int64_t k = 0; k < 7; ++k) {
    CHECK(fixed.Choose(k) == 0);
    CHECK(round.Choose(k) == static_cast<size_t>(k % 3));
  }
}

TEST_CASE("UCB1: every model once first, a batch spread, then the one that pays") {
  ModelBandit bandit(ModelSelection::kUcb, 3);
  // A batch of three drawn before any outcome: one child per model.
  CHECK(bandit.Choose(0) == 0);
  CHECK(bandit.Choose(1) == 1);
  CHECK(bandit.Choose(2) == 2);
  bandit.Finish(0, 0.0);
  bandit.Finish(1, 0.4);
  bandit.Finish(2, 0.0);
  // Model 1 gains on every child, the others never: UCB1 gives it most children, and
  // still tries the others now and then (their bonus sqrt(2 ln N / n) grows with N).
  for (int64_t k = 3; k < 100; ++k) {
    size_t model = bandit.Choose(k);
    bandit.Finish(model, model == 1 ? 0.4 : 0.0);
  }
  CHECK(bandit.pulls(0) + bandit.pulls(1) + bandit.pulls(2) == 100);
  CHECK(bandit.pulls(1) > 60);  // 68 of 100 (16 each to the others)
  CHECK(bandit.pulls(0) >= 2);
  CHECK(bandit.pulls(2) >= 2);
  CHECK(bandit.mean(1) == Approx(0.4));
  // Rewards are clipped to [0, 1].
  ModelBandit clipped(ModelSelection::kUcb, 1);
  clipped.Add(0, 3.0);
  clipped.Add(0, -1.0);
  CHECK(clipped.mean(0) == Approx(0.5));
}

TEST_CASE("UCB1 rebuilt from the outcomes so far chooses as the bandit that saw them") {
  // Rewards that depend on the model and the child, as a run's would.
  auto reward = [](size_t model, int64_t k) { return ((k * 7 + model * 3) % 5) / 10.0; };
  ModelBandit live(ModelSelection::kUcb, 3);
  std::vector<std::pair<size_t, double>> outcomes;
  std::vector<size_t> choices;
  for (int64_t k = 0; k < 40; ++k) {
    size_t model = live.Choose(k);
    choices.push_back(model);
    outcomes.emplace_back(model, reward(model, k));
    live.Finish(model, outcomes.back().second);
  }
  ModelBandit resumed(ModelSelection::kUcb, 3);
  for (size_t k = 0; k < 17; ++k) resumed.Add(outcomes[k].first, outcomes[k].second);
  for (int64_t k = 17; k < 40; ++k) {
    size_t model = resumed.Choose(k);
    CHECK(model == choices[static_cast<size_t>(k)]);
    resumed.Finish(model, reward(model, k));
  }
}

TEST_CASE("A child's reward is its gain over its parent, 0 when it was not scored in full") {
  CHECK(ChildReward(true, 0.8, 0.75) == Approx(0.05));
  CHECK(ChildReward(true, 0.7, 0.75) == 0);   // a loss earns nothing
  CHECK(ChildReward(false, 0.9, 0.75) == 0);  // stopped at the gate, or did not build
}

}  // namespace
}  // namespace clade::model
