// Hidden tests of the exercise shortest-paths (Catch2 v2).
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

// Hidden-only cases.

TEST_CASE("edges are directed") {
  auto r = shortest_paths(3, {{1, 0, 1}, {2, 1, 1}}, 0);
  CHECK(r.dist == L{0, -1, -1});
}

TEST_CASE("parallel edges and self loops") {
  auto r = shortest_paths(2, {{0, 1, 9}, {0, 1, 3}, {1, 1, 0}, {0, 0, 2}}, 0);
  CHECK(r.dist == L{0, 3});
  CHECK(r.prev == I{-1, 0});
}

TEST_CASE("zero weights") {
  auto r = shortest_paths(3, {{0, 1, 0}, {1, 2, 0}}, 0);
  CHECK(r.dist == L{0, 0, 0});
  CHECK(path_to(r, 2) == I{0, 1, 2});
}

TEST_CASE("ties choose the smallest predecessor") {
  auto r = shortest_paths(5, {{0, 3, 1}, {0, 1, 1}, {3, 4, 1}, {1, 4, 1}, {0, 2, 2}, {2, 4, 0}}, 0);
  CHECK(r.dist[4] == 2);
  CHECK(r.prev[4] == 1);
}

TEST_CASE("a source other than zero") {
  auto r = shortest_paths(4, {{0, 1, 1}, {1, 2, 1}, {2, 3, 1}, {3, 0, 1}}, 2);
  CHECK(r.dist == L{2, 3, 0, 1});
  CHECK(path_to(r, 1) == I{2, 3, 0, 1});
}

TEST_CASE("large weights") {
  auto r = shortest_paths(3, {{0, 1, 1000000000000LL}, {1, 2, 1000000000000LL}}, 0);
  CHECK(r.dist[2] == 2000000000000LL);
}

TEST_CASE("bad input is rejected") {
  CHECK_THROWS_AS(shortest_paths(2, {{0, 1, -1}}, 0), std::invalid_argument);
  CHECK_THROWS_AS(shortest_paths(2, {{0, 2, 1}}, 0), std::invalid_argument);
  CHECK_THROWS_AS(shortest_paths(2, {}, 2), std::invalid_argument);
  CHECK_THROWS_AS(shortest_paths(2, {}, -1), std::invalid_argument);
}

TEST_CASE("a long chain with shortcuts") {
  const int n = 100000;
  std::vector<Edge> edges;
  for (int i = 0; i + 1 < n; ++i) edges.push_back({i, i + 1, 2});
  for (int i = 0; i + 2 < n; i += 2) edges.push_back({i, i + 2, 3});
  auto r = shortest_paths(n, edges, 0);
  CHECK(r.dist[n - 1] == 3LL * (n - 2) / 2 + 2);
  CHECK(r.dist[n - 2] == 3LL * (n - 2) / 2);
  CHECK(path_to(r, n - 1).size() == static_cast<std::size_t>((n - 2) / 2 + 2));
}
