#include "engine/search/islands.h"

#include <catch2/catch.hpp>

namespace clade::search {
namespace {

archive::RecordSummary Scored(double score) {
  archive::RecordSummary summary;
  summary.status = EvalStatus::kEvaluated;
  summary.score = score;
  return summary;
}

TEST_CASE("Islands: the seed is everywhere, a child joins its own island") {
  Islands islands(3, 100);
  islands.Add(0, 0, Scored(0.5));
  for (int k = 0; k < 3; ++k) CHECK(islands.Contains(k, 0));
  islands.Add(1, 1, Scored(0.6));
  islands.Add(2, 2, Scored(0.4));
  CHECK(islands.Contains(1, 1));
  CHECK_FALSE(islands.Contains(0, 1));
  CHECK_FALSE(islands.Contains(2, 1));
  CHECK(islands.Members(2) == std::set<archive::VariantId>{0, 2});
  CHECK(islands.IslandOfChild(0) == 0);
  CHECK(islands.IslandOfChild(4) == 1);
  CHECK(islands.migrations() == 0);
}

TEST_CASE("Islands: every interval children, each island's best joins the next, in a ring") {
  Islands islands(3, 3);
  islands.Add(0, 0, Scored(0.5));
  islands.Add(1, 0, Scored(0.9));  // island 0's best
  islands.Add(2, 1, Scored(0.7));  // island 1's best
  archive::RecordSummary failed;
  failed.status = EvalStatus::kBuildFailed;
  islands.Add(3, 2, failed);  // island 2: the seed (0.5) is its best evaluated member
  REQUIRE(islands.migrations() == 1);
  CHECK(islands.Contains(1, 1));      // 0 -> 1
  CHECK(islands.Contains(2, 2));      // 1 -> 2
  CHECK_FALSE(islands.Contains(0, 2));
  CHECK_FALSE(islands.Contains(0, 3));  // a failure never migrates
  // A migrant moves one island per migration: variant 1 reaches island 2 at the next one,
  // being island 1's best by then.
  islands.Add(4, 0, Scored(0.1));
  islands.Add(5, 1, Scored(0.2));
  CHECK_FALSE(islands.Contains(2, 1));
  islands.Add(6, 2, Scored(0.3));
  CHECK(islands.migrations() == 2);
  CHECK(islands.Contains(2, 1));
}

TEST_CASE("Islands: one island never migrates, and the same adds give the same members") {
  Islands one(1, 1);
  one.Add(0, 0, Scored(0.5));
  one.Add(1, 0, Scored(0.6));
  CHECK(one.migrations() == 0);
  CHECK(one.Members(0) == std::set<archive::VariantId>{0, 1});
  auto build = [] {
    Islands islands(2, 2);
    for (int id = 0; id < 9; ++id) islands.Add(id, id % 2, Scored(0.1 * id));
    return std::vector<std::set<archive::VariantId>>{islands.Members(0), islands.Members(1)};
  };
  CHECK(build() == build());
}

}  // namespace
}  // namespace clade::search
