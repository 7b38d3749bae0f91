#include "engine/selection/ranking_policies.h"

#include "tests/selection/pool.h"
#include <catch2/catch.hpp>

using namespace clade::selection;
using namespace clade::selection::testing;

TEST_CASE("best: the highest scores in order, ties by lower id") {
  const std::vector<Candidate> pool = {Scored(0, 0.2),
                                       Scored(1, 0.8, {0}),
                                       Scored(2, 0.5, {0}),
                                       Scored(3, 0.8, {1}),
                                       Failed(4, EvalStatus::kBuildFailed, {3}),
                                       Pruned(5, 0.99, {3}),
                                       Scored(6, 0.6, {2})};
  BestPolicy policy;
  Rng rng(1);
  CHECK(*policy.Select(pool, 1, rng) == std::vector<int>{1});
  CHECK(*policy.Select(pool, 3, rng) == std::vector<int>{1, 3, 6});
  CHECK(*policy.Select(pool, 5, rng) == std::vector<int>{1, 3, 6, 2, 0});
}

TEST_CASE("best: more parents than variants repeats the ranking from the top") {
  const std::vector<Candidate> pool = {Scored(0, 0.1), Scored(1, 0.9, {0})};
  BestPolicy policy;
  Rng rng(1);
  CHECK(*policy.Select(pool, 5, rng) == std::vector<int>{1, 0, 1, 0, 1});
}

TEST_CASE("best and greedy draw nothing from the RNG") {
  const std::vector<Candidate> pool = {Scored(0, 0.1), Scored(1, 0.9, {0})};
  Rng rng(11);
  const std::string before = SaveRng(rng);
  REQUIRE(BestPolicy().Select(pool, 3, rng));
  REQUIRE(GreedyPolicy().Select(pool, 3, rng));
  CHECK(SaveRng(rng) == before);
}

TEST_CASE("greedy: always the newest among the best") {
  std::vector<Candidate> pool = {Scored(0, 0.4),      Scored(1, 0.7, {0}),
                                 Scored(2, 0.7, {0}), Scored(3, 0.5, {2}),
                                 Pruned(4, 0.9, {2}), Failed(5, EvalStatus::kMutationFailed, {1})};
  pool[1].order = 20;  // 1 was created after 2, despite its lower id
  GreedyPolicy policy;
  Rng rng(1);
  CHECK(*policy.Select(pool, 3, rng) == std::vector<int>{1, 1, 1});
  pool[1].order = 1;
  CHECK(*policy.Select(pool, 2, rng) == std::vector<int>{2, 2});
  // A strictly better variant wins whatever its age.
  pool.push_back(Scored(6, 0.8, {3}));
  pool.back().order = -5;
  CHECK(*policy.Select(pool, 1, rng) == std::vector<int>{6});
}
