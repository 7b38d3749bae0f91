#include "engine/selection/sampling_policies.h"

#include <cmath>

#include "tests/selection/pool.h"
#include <catch2/catch.hpp>

using namespace clade::selection;
using namespace clade::selection::testing;

TEST_CASE("score_prop: picks in proportion to the score") {
  const std::vector<Candidate> pool = {Scored(0, 0.1), Scored(1, 0.3, {0}), Scored(2, 0.0, {0}),
                                       Scored(3, 0.6, {1}), Pruned(4, 0.9, {1})};
  ScorePropPolicy policy;
  Rng rng(21);
  auto picks = policy.Select(pool, 20000, rng);
  REQUIRE(picks);
  auto freq = Frequencies(*picks);
  CHECK(freq.count(2) == 0);
  CHECK(freq.count(4) == 0);
  CHECK(freq[0] == Approx(0.1).margin(0.01));
  CHECK(freq[1] == Approx(0.3).margin(0.012));
  CHECK(freq[3] == Approx(0.6).margin(0.012));
}

TEST_CASE("score_prop: uniform when every score is zero") {
  const std::vector<Candidate> pool = {Scored(0, 0.0), Scored(1, 0.0, {0}), Scored(2, 0.0, {0}),
                                       Scored(3, 0.0, {0})};
  ScorePropPolicy policy;
  Rng rng(4);
  auto picks = policy.Select(pool, 20000, rng);
  REQUIRE(picks);
  auto freq = Frequencies(*picks);
  for (int id = 0; id < 4; ++id) CHECK(freq[id] == Approx(0.25).margin(0.012));
}

TEST_CASE("random: uniform over the eligible variants") {
  const std::vector<Candidate> pool = {Scored(0, 0.9), Scored(1, 0.1, {0}),
                                       Failed(2, EvalStatus::kBuildFailed, {0}),
                                       Scored(3, 0.0, {1})};
  RandomPolicy policy;
  Rng rng(6);
  auto picks = policy.Select(pool, 20000, rng);
  REQUIRE(picks);
  auto freq = Frequencies(*picks);
  CHECK(freq.count(2) == 0);
  for (int id : {0, 1, 3}) CHECK(freq[id] == Approx(1.0 / 3).margin(0.012));
}

TEST_CASE("tournament: the best of k uniform draws") {
  // Distinct scores; ranked from worst (r = 1) to best (r = n), the best of k draws with
  // replacement has rank r with probability (r^k - (r-1)^k) / n^k.
  const std::vector<Candidate> pool = {Scored(0, 0.5), Scored(1, 0.1, {0}), Scored(2, 0.9, {0}),
                                       Scored(3, 0.3, {1}), Scored(4, 0.7, {2})};
  const std::map<int, int> rank = {{1, 1}, {3, 2}, {0, 3}, {4, 4}, {2, 5}};
  for (size_t k : {1u, 3u, 5u}) {
    TournamentPolicy policy(k);
    Rng rng(100 + k);
    auto picks = policy.Select(pool, 20000, rng);
    REQUIRE(picks);
    auto freq = Frequencies(*picks);
    for (auto [id, r] : rank) {
      const double n = 5;
      const double expected = (std::pow(r, k) - std::pow(r - 1, k)) / std::pow(n, k);
      INFO("size " << k << ", variant " << id);
      CHECK(freq[id] == Approx(expected).margin(0.012));
    }
  }
}

TEST_CASE("tournament: ties go to the lower id") {
  const std::vector<Candidate> pool = {Scored(5, 0.5), Scored(2, 0.5, {5})};
  TournamentPolicy policy(2);
  Rng rng(3);
  auto picks = policy.Select(pool, 8000, rng);
  REQUIRE(picks);
  // Id 5 wins only when both contestants are 5: probability 1/4.
  CHECK(Frequencies(*picks)[5] == Approx(0.25).margin(0.02));
}
