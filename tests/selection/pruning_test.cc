#include "engine/selection/pruning.h"

#include "tests/selection/pool.h"
#include <catch2/catch.hpp>

using namespace clade::selection;
using namespace clade::selection::testing;

namespace {

std::unique_ptr<PruningRule> Make(const std::string& name, PruningOptions options = {}) {
  auto rule = MakePruning(name, options);
  REQUIRE(rule);
  return std::move(*rule);
}

}  // namespace

TEST_CASE("MakePruning: known rules, unknown names and bad options") {
  CHECK(KnownPruningRules() == std::vector<std::string>{"keep_all", "keep_better", "max_size"});
  CHECK(Make("keep_all")->name() == "keep_all");
  CHECK(Make("keep_better")->name() == "keep_better");
  CHECK(Make("max_size", {0, 3})->name() == "max_size");
  auto unknown = MakePruning("keep_best");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == clade::ErrorKind::kUsage);
  CHECK(unknown.error().message ==
        "unknown pruning rule 'keep_best'; known rules: keep_all, keep_better, max_size");
  auto zero = MakePruning("max_size");
  REQUIRE_FALSE(zero);
  CHECK_THAT(zero.error().message, Catch::Contains("'max_size'"));
  CHECK_FALSE(MakePruning("keep_better", {-0.1, 0}));
}

TEST_CASE("keep_all: prunes nothing") {
  const std::vector<Candidate> pool = {Scored(0, 0.9), Scored(1, 0.0, {0})};
  CHECK(Make("keep_all")->Prune(pool, {1}).empty());
}

TEST_CASE("keep_better: prunes a new child that scores below its parent") {
  const std::vector<Candidate> pool = {
      Scored(0, 0.5),      Scored(1, 0.4, {0}),  Scored(2, 0.5, {0}),
      Scored(3, 0.6, {0}), Scored(4, 0.45, {3}), Failed(5, EvalStatus::kBuildFailed, {3}),
      Scored(6, 0.3, {0})};
  auto rule = Make("keep_better");
  // 6 is below its parent but not new: left alone. 5 never was eligible.
  CHECK(rule->Prune(pool, {1, 2, 3, 4, 5}) == std::vector<int>{1, 4});
  // With a leeway of 0.1, only drops of more than 0.1 count.
  auto lenient = Make("keep_better", {0.1, 0});
  CHECK(lenient->Prune(pool, {1, 2, 3, 4, 5}) == std::vector<int>{4});
  // Two parents: the better one sets the bar.
  const std::vector<Candidate> cross = {Scored(0, 0.2), Scored(1, 0.8, {0}),
                                        Scored(2, 0.5, {0, 1})};
  CHECK(rule->Prune(cross, {2}) == std::vector<int>{2});
  // A seed has no parent and is never pruned.
  CHECK(rule->Prune(cross, {0}).empty());
}

TEST_CASE("max_size: keeps the N best eligible variants and always the seed") {
  const std::vector<Candidate> pool = {
      Scored(0, 0.1),      Scored(1, 0.7, {0}), Scored(2, 0.9, {1}),
      Scored(3, 0.7, {1}), Scored(4, 0.3, {0}), Failed(5, EvalStatus::kBuildTimeout, {2}),
      Pruned(6, 1.0, {2}), Scored(7, 0.5, {4})};
  // Seed 0 (worst score) is kept and counts; then 2, 1 (tie with 3: lower id).
  CHECK(Make("max_size", {0, 3})->Prune(pool, {}) == std::vector<int>{3, 4, 7});
  CHECK(Make("max_size", {0, 1})->Prune(pool, {}) == std::vector<int>{1, 2, 3, 4, 7});
  CHECK(Make("max_size", {0, 6})->Prune(pool, {}).empty());
  // Two seeds with max_size 1: both kept.
  const std::vector<Candidate> seeds = {Scored(0, 0.1), Scored(1, 0.2), Scored(2, 0.9, {0})};
  CHECK(Make("max_size", {0, 1})->Prune(seeds, {}) == std::vector<int>{2});
}
