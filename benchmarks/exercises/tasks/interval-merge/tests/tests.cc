// Hidden tests of the exercise interval-merge (Catch2 v2).
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

// Hidden-only cases.

#include <climits>

TEST_CASE("touching intervals merge") {
  CHECK(merge_intervals({{1, 3}, {4, 6}}) == V{{1, 6}});
  CHECK(merge_intervals({{1, 3}, {5, 6}}) == V{{1, 3}, {5, 6}});
}

TEST_CASE("contained intervals") {
  CHECK(merge_intervals({{1, 10}, {2, 3}, {4, 5}}) == V{{1, 10}});
  CHECK(merge_intervals({{5, 5}, {5, 5}}) == V{{5, 5}});
}

TEST_CASE("empty input") {
  CHECK(merge_intervals({}).empty());
  CHECK(remove_interval({}, {1, 2}).empty());
}

TEST_CASE("reversed interval is rejected") {
  CHECK_THROWS_AS(merge_intervals({{1, 2}, {5, 3}}), std::invalid_argument);
}

TEST_CASE("extreme bounds do not overflow") {
  CHECK(merge_intervals({{INT_MIN, 0}, {1, INT_MAX}}) == V{{INT_MIN, INT_MAX}});
  CHECK(merge_intervals({{INT_MAX, INT_MAX}, {INT_MIN, INT_MIN}}) ==
        V{{INT_MIN, INT_MIN}, {INT_MAX, INT_MAX}});
  CHECK(remove_interval({{INT_MIN, INT_MAX}}, {0, 0}) == V{{INT_MIN, -1}, {1, INT_MAX}});
}

TEST_CASE("remove covering everything") {
  CHECK(remove_interval({{3, 5}, {7, 9}}, {0, 100}).empty());
}

TEST_CASE("remove across several intervals") {
  CHECK(remove_interval({{1, 4}, {6, 9}, {12, 15}}, {3, 13}) == V{{1, 2}, {14, 15}});
}

TEST_CASE("remove at the edges and outside") {
  CHECK(remove_interval({{1, 5}}, {1, 1}) == V{{2, 5}});
  CHECK(remove_interval({{1, 5}}, {5, 8}) == V{{1, 4}});
  CHECK(remove_interval({{1, 5}}, {7, 8}) == V{{1, 5}});
}

TEST_CASE("remove merges its input first") {
  CHECK(remove_interval({{5, 8}, {1, 4}, {2, 3}}, {9, 9}) == V{{1, 8}});
}
