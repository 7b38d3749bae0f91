// Hidden tests of the exercise spiral-matrix (Catch2 v2).
#include <catch2/catch.hpp>

#include "spiral.h"

using V = std::vector<int>;

TEST_CASE("square matrix") {
  CHECK(spiral_order({{1, 2, 3}, {4, 5, 6}, {7, 8, 9}}) == V{1, 2, 3, 6, 9, 8, 7, 4, 5});
}

TEST_CASE("wide matrix") {
  CHECK(spiral_order({{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}}) ==
        V{1, 2, 3, 4, 8, 12, 11, 10, 9, 5, 6, 7});
}

TEST_CASE("fill a square") {
  CHECK(spiral_matrix(3, 3) == Matrix{{1, 2, 3}, {8, 9, 4}, {7, 6, 5}});
}

// Hidden-only cases.

TEST_CASE("tall matrix") {
  CHECK(spiral_order({{1, 2}, {3, 4}, {5, 6}, {7, 8}}) == V{1, 2, 4, 6, 8, 7, 5, 3});
}

TEST_CASE("single row and single column") {
  CHECK(spiral_order({{1, 2, 3}}) == V{1, 2, 3});
  CHECK(spiral_order({{1}, {2}, {3}}) == V{1, 2, 3});
  CHECK(spiral_order({{42}}) == V{42});
}

TEST_CASE("empty matrices") {
  CHECK(spiral_order({}).empty());
  CHECK(spiral_order({{}, {}}).empty());
  CHECK(spiral_matrix(0, 5).empty());
  CHECK(spiral_matrix(4, 0).empty());
}

TEST_CASE("ragged matrix is rejected") {
  CHECK_THROWS_AS(spiral_order({{1, 2}, {3}}), std::invalid_argument);
}

TEST_CASE("negative sizes are rejected") {
  CHECK_THROWS_AS(spiral_matrix(-1, 2), std::invalid_argument);
}

TEST_CASE("fill a rectangle") {
  CHECK(spiral_matrix(2, 4) == Matrix{{1, 2, 3, 4}, {8, 7, 6, 5}});
  CHECK(spiral_matrix(4, 1) == Matrix{{1}, {2}, {3}, {4}});
}

TEST_CASE("order and fill agree") {
  for (int r = 1; r <= 7; ++r) {
    for (int c = 1; c <= 7; ++c) {
      V expected;
      for (int i = 1; i <= r * c; ++i) expected.push_back(i);
      INFO(r << " x " << c);
      CHECK(spiral_order(spiral_matrix(r, c)) == expected);
    }
  }
}
