// Single-source shortest paths with non-negative weights.
#pragma once

#include <vector>

struct Edge {
  int from;
  int to;
  long long weight;  // >= 0
};

struct PathResult {
  std::vector<long long> dist;  // -1: unreachable
  std::vector<int> prev;        // -1: source or unreachable; smallest among ties
};

// Throws std::invalid_argument on a bad node, source or negative weight.
PathResult shortest_paths(int n, const std::vector<Edge>& edges, int source);

// Source to target, both included; empty if unreachable.
std::vector<int> path_to(const PathResult& r, int target);
