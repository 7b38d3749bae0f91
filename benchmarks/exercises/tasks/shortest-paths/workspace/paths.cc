#include "paths.h"

PathResult shortest_paths(int n, const std::vector<Edge>& edges, int source) {
  (void)edges;
  (void)source;
  return PathResult{std::vector<long long>(n, -1), std::vector<int>(n, -1)};
}

std::vector<int> path_to(const PathResult& r, int target) {
  (void)r;
  (void)target;
  return {};
}
