#include "paths.h"

#include <algorithm>
#include <functional>
#include <queue>
#include <stdexcept>
#include <utility>

PathResult shortest_paths(int n, const std::vector<Edge>& edges, int source) {
  if (n < 0 || source < 0 || source >= n) throw std::invalid_argument("bad source or size");
  std::vector<std::vector<std::pair<int, long long>>> out(n);
  for (const Edge& e : edges) {
    if (e.from < 0 || e.from >= n || e.to < 0 || e.to >= n || e.weight < 0)
      throw std::invalid_argument("bad edge");
    out[e.from].push_back({e.to, e.weight});
  }
  PathResult r{std::vector<long long>(n, -1), std::vector<int>(n, -1)};
  using Entry = std::pair<long long, int>;
  std::priority_queue<Entry, std::vector<Entry>, std::greater<Entry>> queue;
  std::vector<bool> done(n, false);
  r.dist[source] = 0;
  queue.push({0, source});
  while (!queue.empty()) {
    auto [d, u] = queue.top();
    queue.pop();
    if (done[u]) continue;
    done[u] = true;
    for (auto [v, w] : out[u]) {
      long long nd = d + w;
      if (r.dist[v] == -1 || nd < r.dist[v]) {
        r.dist[v] = nd;
        r.prev[v] = u;
        queue.push({nd, v});
      } else if (nd == r.dist[v] && v != source && u < r.prev[v]) {
        r.prev[v] = u;  // an equally short path through a smaller predecessor
      }
    }
  }
  return r;
}

std::vector<int> path_to(const PathResult& r, int target) {
  if (target < 0 || target >= static_cast<int>(r.dist.size()) || r.dist[target] < 0) return {};
  std::vector<int> path;
  for (int v = target; v != -1; v = r.prev[v]) path.push_back(v);
  std::reverse(path.begin(), path.end());
  return path;
}
