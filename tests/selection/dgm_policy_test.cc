#include "engine/selection/dgm_policy.h"

#include <cmath>

#include "tests/selection/pool.h"
#include <catch2/catch.hpp>

using namespace clade::selection;
using namespace clade::selection::testing;

namespace {

double Sigmoid(double x) {
  return 1 / (1 + std::exp(-x));
}

// A pool whose scores and child counts make the weights clearly different.
std::vector<Candidate> Pool() {
  return {Scored(0, 0.30, {}, 4), Scored(1, 0.50, {0}, 0), Scored(2, 0.70, {0}, 1),
          Scored(3, 0.90, {2}, 3), Scored(4, 0.55, {1}, 0)};
}

// Checks that `picks` follow weights[i] / sum(weights) for pool[i].
void CheckFollows(const std::vector<Candidate>& pool, const std::vector<double>& weights,
                  const std::vector<int>& picks) {
  double total = 0;
  for (double w : weights) total += w;
  auto freq = Frequencies(picks);
  for (size_t i = 0; i < pool.size(); ++i) {
    INFO("variant " << pool[i].id);
    CHECK(freq[pool[i].id] == Approx(weights[i] / total).margin(0.012));
  }
}

}  // namespace

TEST_CASE("dgm: the weights are sigmoid(10 (s - 0.5)) / (1 + children built)") {
  const auto pool = Pool();
  const auto weights = DgmWeights(EligibleCandidates(pool), SelectionOptions{});
  REQUIRE(weights.size() == pool.size());
  for (size_t i = 0; i < pool.size(); ++i) {
    const double expected = Sigmoid(10 * (*pool[i].score - 0.5)) / (1 + pool[i].children_built);
    CHECK(weights[i] == Approx(expected).epsilon(1e-12));
  }
}

TEST_CASE("dgm: 20,000 picks follow the DGM weights") {
  const auto pool = Pool();
  std::vector<double> expected;
  for (const auto& c : pool)
    expected.push_back(Sigmoid(10 * (*c.score - 0.5)) / (1 + c.children_built));
  DgmPolicy policy{SelectionOptions{}};
  Rng rng(2024);
  auto picks = policy.Select(pool, 20000, rng);
  REQUIRE(picks);
  REQUIRE(picks->size() == 20000);
  CheckFollows(pool, expected, *picks);
}

TEST_CASE("dgm: the top-three midpoint is the mean of the three highest scores") {
  const auto pool = Pool();
  SelectionOptions options;
  options.top_three_midpoint = true;
  const double s0 = (0.90 + 0.70 + 0.55) / 3;
  CHECK(DgmMidpoint(EligibleCandidates(pool), options) == Approx(s0));
  // A pruned or failed variant's score does not count towards it.
  auto with_ineligible = pool;
  with_ineligible.push_back(Pruned(5, 1.0, {3}));
  CHECK(DgmMidpoint(EligibleCandidates(with_ineligible), options) == Approx(s0));
  // Fewer than three eligible: the mean of those there are.
  const std::vector<Candidate> two = {Scored(0, 0.2), Scored(1, 0.6, {0})};
  CHECK(DgmMidpoint(EligibleCandidates(two), options) == Approx(0.4));
  // Without the option, s0 is the configured midpoint.
  CHECK(DgmMidpoint(EligibleCandidates(pool), SelectionOptions{}) == 0.5);

  std::vector<double> expected;
  for (const auto& c : pool)
    expected.push_back(Sigmoid(10 * (*c.score - s0)) / (1 + c.children_built));
  DgmPolicy policy{options};
  Rng rng(99);
  auto picks = policy.Select(pool, 20000, rng);
  REQUIRE(picks);
  CheckFollows(pool, expected, *picks);
  // The midpoint really changed the distribution: the best variant gains share over s0 = 0.5.
  const auto fixed = DgmWeights(EligibleCandidates(pool), SelectionOptions{});
  double fixed_total = 0, top_total = 0;
  for (double w : fixed) fixed_total += w;
  for (double w : expected) top_total += w;
  CHECK(expected[3] / top_total > fixed[3] / fixed_total + 0.05);
}

TEST_CASE("dgm: lambda and a fixed midpoint are options") {
  const auto pool = Pool();
  SelectionOptions options;
  options.lambda = 3;
  options.midpoint = 0.6;
  const auto weights = DgmWeights(EligibleCandidates(pool), options);
  for (size_t i = 0; i < pool.size(); ++i) {
    CHECK(weights[i] == Approx(Sigmoid(3 * (*pool[i].score - 0.6)) / (1 + pool[i].children_built)));
  }
}

TEST_CASE("dgm: scores far below the midpoint still give a uniform draw, not an error") {
  SelectionOptions options;
  options.lambda = 1e6;
  const std::vector<Candidate> pool = {Scored(0, 0.0), Scored(1, 0.0, {0})};
  DgmPolicy policy{options};
  Rng rng(1);
  auto picks = policy.Select(pool, 4000, rng);
  REQUIRE(picks);
  CHECK(Frequencies(*picks)[1] == Approx(0.5).margin(0.05));
}
