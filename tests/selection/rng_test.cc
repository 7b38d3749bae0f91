#include "engine/selection/rng.h"

#include <cmath>

#include <catch2/catch.hpp>

using namespace clade::selection;

TEST_CASE("Rng: the same seed gives the same stream") {
  Rng a(42), b(42);
  for (int i = 0; i < 100; ++i) REQUIRE(a() == b());
  CHECK(Rng(42)() != Rng(43)());
}

TEST_CASE("Rng: a saved state loads and continues the same stream") {
  Rng rng(7);
  for (int i = 0; i < 1000; ++i) rng();
  const std::string state = SaveRng(rng);
  auto loaded = LoadRng(state);
  REQUIRE(loaded);
  for (int i = 0; i < 1000; ++i) REQUIRE(rng() == (*loaded)());
  CHECK(UniformDouble(rng) == UniformDouble(*loaded));
  CHECK(SaveRng(rng) == SaveRng(*loaded));
}

TEST_CASE("Rng: a state that is not one is a usage error") {
  for (std::string bad : {"", "12 34 x", "hello"}) {
    auto loaded = LoadRng(bad);
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().kind == clade::ErrorKind::kUsage);
    CHECK_THAT(loaded.error().message, Catch::Contains("RNG state"));
  }
  CHECK_FALSE(LoadRng(SaveRng(Rng(1)) + " 99"));
}

TEST_CASE("Rng: UniformIndex covers 0..n-1 evenly") {
  Rng rng(1);
  std::vector<int> counts(5, 0);
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) {
    const size_t k = UniformIndex(rng, 5);
    REQUIRE(k < 5);
    ++counts[k];
  }
  for (int c : counts) CHECK(std::abs(c / double(draws) - 0.2) < 0.015);
}

TEST_CASE("Rng: Gamma and Beta draws have the right mean and variance") {
  Rng rng(3);
  const int draws = 20000;
  for (auto [a, b] : {std::pair{1.0, 1.0}, {3.0, 7.0}, {12.5, 2.5}, {0.5, 0.5}}) {
    double sum = 0, sum_sq = 0;
    for (int i = 0; i < draws; ++i) {
      const double x = BetaDraw(rng, a, b);
      REQUIRE(x >= 0);
      REQUIRE(x <= 1);
      sum += x;
      sum_sq += x * x;
    }
    const double mean = sum / draws;
    const double var = sum_sq / draws - mean * mean;
    INFO("Beta(" << a << ", " << b << ")");
    CHECK(mean == Approx(a / (a + b)).margin(0.01));
    CHECK(var == Approx(a * b / ((a + b) * (a + b) * (a + b + 1))).margin(0.005));
  }
  double sum = 0;
  for (int i = 0; i < draws; ++i) sum += GammaDraw(rng, 4.0);
  CHECK(sum / draws == Approx(4.0).margin(0.08));
}

TEST_CASE("Rng: WeightedIndex follows the weights and never picks a zero weight") {
  Rng rng(5);
  const std::vector<double> weights = {1, 0, 3, 6};
  std::vector<int> counts(4, 0);
  const int draws = 20000;
  for (int i = 0; i < draws; ++i) ++counts[WeightedIndex(rng, weights)];
  CHECK(counts[1] == 0);
  CHECK(counts[0] / double(draws) == Approx(0.1).margin(0.01));
  CHECK(counts[2] / double(draws) == Approx(0.3).margin(0.015));
  CHECK(counts[3] / double(draws) == Approx(0.6).margin(0.015));
}
