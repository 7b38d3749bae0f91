// Visible tests of the exercise spiral-matrix (Catch2 v2).
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
