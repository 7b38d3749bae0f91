#include "engine/selection/hgm_policy.h"

#include <random>

#include "tests/selection/pool.h"
#include <catch2/catch.hpp>

using namespace clade::selection;
using namespace clade::selection::testing;

TEST_CASE("hgm: a clade pools the scores of the variant and all its descendants") {
  // 0 -> 1 -> 3 (build failed)
  //   -> 2 -> 4 (pruned) -> 5
  const std::vector<Candidate> pool = {
      Scored(0, 0.5),       Scored(1, 0.25, {0}),
      Scored(2, 0.75, {0}), Failed(3, EvalStatus::kBuildFailed, {1}),
      Pruned(4, 1.0, {2}),  Scored(5, 0.0, {4})};
  auto tallies = CladeTallies(pool, /*failures_are_losses=*/true);
  // Only eligible variants get a tally: 0, 1, 2, 5.
  CHECK(tallies.size() == 4);
  CHECK(tallies.count(4) == 0);
  CHECK(tallies[0].wins == Approx(0.5 + 0.25 + 0.75 + 0 + 1.0 + 0));
  CHECK(tallies[0].losses == Approx(0.5 + 0.75 + 0.25 + 1 + 0 + 1));
  CHECK(tallies[1].wins == Approx(0.25));
  CHECK(tallies[1].losses == Approx(0.75 + 1));
  CHECK(tallies[2].wins == Approx(0.75 + 1.0 + 0));
  CHECK(tallies[2].losses == Approx(0.25 + 0 + 1));
  CHECK(tallies[5].wins == Approx(0));
  CHECK(tallies[5].losses == Approx(1));

  auto without_failures = CladeTallies(pool, /*failures_are_losses=*/false);
  CHECK(without_failures[1].losses == Approx(0.75));
  CHECK(without_failures[0].losses == Approx(tallies[0].losses - 1));
}

TEST_CASE("hgm: a descendant reached along two parent paths counts once") {
  // 0 -> 1, 0 -> 2, {1, 2} -> 3 (a crossover child)
  const std::vector<Candidate> pool = {Scored(0, 0.5), Scored(1, 0.5, {0}), Scored(2, 0.5, {0}),
                                       Scored(3, 1.0, {1, 2})};
  auto tallies = CladeTallies(pool, true);
  CHECK(tallies[0].wins == Approx(0.5 * 3 + 1.0));
  CHECK(tallies[0].losses == Approx(0.5 * 3));
  CHECK(tallies[1].wins == Approx(1.5));
  CHECK(tallies[2].wins == Approx(1.5));
  CHECK(tallies[3].wins == Approx(1.0));
}

TEST_CASE("hgm: pick frequencies match a Monte-Carlo estimate of the Beta posteriors") {
  // Three clades with different pooled evidence.
  const std::vector<Candidate> pool = {
      Scored(0, 0.4),      Scored(1, 0.6, {0}),
      Scored(2, 0.9, {1}), Failed(3, EvalStatus::kBuildTimeout, {2}),
      Scored(4, 0.2, {0}), Pruned(5, 0.8, {4})};
  const auto tallies = CladeTallies(pool, true);
  std::vector<int> ids = {0, 1, 2, 4};

  // The reference: the same posteriors sampled with <random>'s gamma, a separate generator.
  std::mt19937_64 reference(12345);
  std::map<int, double> expected;
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) {
    int best_id = -1;
    double best = -1;
    for (int id : ids) {
      std::gamma_distribution<double> x(1 + tallies.at(id).wins), y(1 + tallies.at(id).losses);
      const double gx = x(reference), gy = y(reference);
      const double theta = gx / (gx + gy);
      if (theta > best) best = theta, best_id = id;
    }
    expected[best_id] += 1.0 / draws;
  }

  HgmPolicy policy(true);
  Rng rng(777);
  auto picks = policy.Select(pool, draws, rng);
  REQUIRE(picks);
  auto freq = Frequencies(*picks);
  CHECK(freq.count(3) == 0);
  CHECK(freq.count(5) == 0);
  for (int id : ids) {
    INFO("variant " << id);
    CHECK(freq[id] == Approx(expected[id]).margin(0.015));
  }
}

TEST_CASE("hgm: a productive clade is preferred over an equal variant without one") {
  // 0 and 1 both score 0.5; 1's (pruned) descendants all scored 0.9.
  std::vector<Candidate> pool = {Scored(0, 0.5), Scored(1, 0.5)};
  for (int i = 2; i < 12; ++i) pool.push_back(Pruned(i, 0.9, {1}));
  HgmPolicy policy(true);
  Rng rng(8);
  auto picks = policy.Select(pool, 5000, rng);
  REQUIRE(picks);
  const auto freq = Frequencies(*picks);
  CHECK(freq.at(1) > 0.8);
  CHECK(freq.count(2) == 0);
}
