// Visible tests of the exercise interval-merge (Catch2 v2).
#include <catch2/catch.hpp>

#include "intervals.h"

using V = std::vector<Interval>;

TEST_CASE("overlapping intervals merge") {
  CHECK(merge_intervals({{1, 3}, {2, 6}, {8, 10}}) == V{{1, 6}, {8, 10}});
}

TEST_CASE("unsorted input is sorted") {
  CHECK(merge_intervals({{8, 10}, {1, 2}}) == V{{1, 2}, {8, 10}});
}

TEST_CASE("remove from the middle") {
  CHECK(remove_interval({{1, 10}}, {4, 6}) == V{{1, 3}, {7, 10}});
}
