// Visible tests of the exercise shortest-paths (Catch2 v2).
#include <catch2/catch.hpp>

#include "paths.h"

using L = std::vector<long long>;
using I = std::vector<int>;

TEST_CASE("small graph distances") {
  auto r = shortest_paths(4, {{0, 1, 4}, {0, 2, 1}, {2, 1, 2}, {1, 3, 5}}, 0);
  CHECK(r.dist == L{0, 3, 1, 8});
  CHECK(r.prev == I{-1, 2, 0, 1});
}

TEST_CASE("path reconstruction") {
  auto r = shortest_paths(4, {{0, 1, 4}, {0, 2, 1}, {2, 1, 2}, {1, 3, 5}}, 0);
  CHECK(path_to(r, 3) == I{0, 2, 1, 3});
  CHECK(path_to(r, 0) == I{0});
}

TEST_CASE("unreachable nodes") {
  auto r = shortest_paths(3, {{0, 1, 1}}, 0);
  CHECK(r.dist[2] == -1);
  CHECK(path_to(r, 2).empty());
}
