#include "engine/selection/policy.h"

#include "tests/selection/pool.h"
#include <catch2/catch.hpp>

using namespace clade::selection;
using namespace clade::selection::testing;

namespace {

std::unique_ptr<SelectionPolicy> Make(const std::string& name) {
  auto policy = MakePolicy(name);
  REQUIRE(policy);
  return std::move(*policy);
}

}  // namespace

TEST_CASE("MakePolicy: every known policy, by its name") {
  CHECK(KnownPolicies() == std::vector<std::string>{"best", "dgm", "greedy", "hgm", "random",
                                                    "score_prop", "tournament"});
  for (const std::string& name : KnownPolicies()) CHECK(Make(name)->name() == name);
}

TEST_CASE("MakePolicy: an unknown name is a usage error listing the known policies") {
  auto policy = MakePolicy("dgn");
  REQUIRE_FALSE(policy);
  CHECK(policy.error().kind == clade::ErrorKind::kUsage);
  CHECK(policy.error().message ==
        "unknown selection policy 'dgn'; known policies: best, dgm, greedy, hgm, random, "
        "score_prop, tournament");
}

TEST_CASE("MakePolicy: options out of range are usage errors naming the policy") {
  SelectionOptions options;
  options.lambda = 0;
  auto dgm = MakePolicy("dgm", options);
  REQUIRE_FALSE(dgm);
  CHECK(dgm.error().kind == clade::ErrorKind::kUsage);
  CHECK_THAT(dgm.error().message, Catch::Contains("'dgm'") && Catch::Contains("lambda"));
  options = {};
  options.tournament_size = 0;
  auto tournament = MakePolicy("tournament", options);
  REQUIRE_FALSE(tournament);
  CHECK_THAT(tournament.error().message, Catch::Contains("tournament size"));
  // An option of another policy is not checked.
  CHECK(MakePolicy("best", options));
}

TEST_CASE("Every policy: a failed, timed-out, unscored or pruned variant is never a parent") {
  // The ineligible variants have the best scores and no children, so any policy that
  // looked at them would prefer them.
  std::vector<Candidate> pool = {Scored(0, 0.1, {}, 5), Scored(1, 0.2, {0}, 5)};
  Candidate failed_with_score = Failed(2, EvalStatus::kBuildFailed, {1});
  failed_with_score.score = 1.0;
  pool.push_back(failed_with_score);
  pool.push_back(Failed(3, EvalStatus::kBuildTimeout, {1}));
  pool.push_back(Failed(4, EvalStatus::kMutationFailed, {1}));
  pool.push_back(Pruned(5, 1.0, {1}));
  Candidate unscored = Scored(6, 0.0, {1});
  unscored.score.reset();
  pool.push_back(unscored);
  Candidate nan = Scored(7, std::nan(""), {1});
  pool.push_back(nan);
  for (const std::string& name : KnownPolicies()) {
    auto policy = Make(name);
    Rng rng(31);
    auto picks = policy->Select(pool, 2000, rng);
    REQUIRE(picks);
    REQUIRE(picks->size() == 2000);
    for (int id : *picks) {
      INFO(name << " picked " << id);
      REQUIRE((id == 0 || id == 1));
    }
  }
}

TEST_CASE("Every policy: a pool without an eligible variant is a clear error") {
  const std::vector<Candidate> empty;
  const std::vector<Candidate> all_failed = {Failed(0, EvalStatus::kBuildFailed),
                                             Pruned(1, 0.9, {0})};
  for (const std::string& name : KnownPolicies()) {
    auto policy = Make(name);
    Rng rng(1);
    auto none = policy->Select(empty, 3, rng);
    REQUIRE_FALSE(none);
    CHECK(none.error().message == "selection policy '" + name +
                                      "': no variant can be a parent (of 0 variants, none is "
                                      "evaluated, scored and unpruned)");
    auto failed = policy->Select(all_failed, 3, rng);
    REQUIRE_FALSE(failed);
    CHECK_THAT(failed.error().message, Catch::Contains("of 2 variants"));
    // Asking for no parents is not an error, even from an empty pool.
    auto zero = policy->Select(empty, 0, rng);
    REQUIRE(zero);
    CHECK(zero->empty());
  }
}

TEST_CASE("Every policy: the same seed gives the same picks") {
  const std::vector<Candidate> pool = {Scored(0, 0.3),      Scored(1, 0.6, {0}, 1),
                                       Scored(2, 0.5, {0}), Scored(3, 0.8, {1}),
                                       Scored(4, 0.7, {1}), Scored(5, 0.2, {2})};
  for (const std::string& name : KnownPolicies()) {
    auto policy = Make(name);
    Rng a(2025), b(2025), c(2026);
    auto first = policy->Select(pool, 50, a);
    auto second = policy->Select(pool, 50, b);
    REQUIRE(first);
    REQUIRE(second);
    INFO(name);
    CHECK(*first == *second);
    CHECK(SaveRng(a) == SaveRng(b));
    if (name != "best" && name != "greedy") CHECK(*policy->Select(pool, 50, c) != *first);
  }
}

TEST_CASE("Every policy: a saved RNG resumes the same picks") {
  const std::vector<Candidate> pool = {Scored(0, 0.3), Scored(1, 0.6, {0}), Scored(2, 0.5, {0}),
                                       Scored(3, 0.8, {1})};
  for (const std::string& name : KnownPolicies()) {
    auto policy = Make(name);
    Rng rng(9);
    REQUIRE(policy->Select(pool, 10, rng));
    auto resumed = LoadRng(SaveRng(rng));
    REQUIRE(resumed);
    INFO(name);
    CHECK(*policy->Select(pool, 20, rng) == *policy->Select(pool, 20, *resumed));
  }
}
