#include "engine/selection/hgm_policy.h"

#include <algorithm>
#include <cmath>

namespace clade::selection {
namespace {

CladeTally OwnTally(const Candidate& c, bool failures_are_losses) {
  if (c.status == EvalStatus::kEvaluated) {
    if (!c.score || std::isnan(*c.score)) return {};
    const double s = std::clamp(*c.score, 0.0, 1.0);
    return {s, 1 - s};
  }
  return failures_are_losses ? CladeTally{0, 1} : CladeTally{};
}

// The pool as a graph: children[i] lists the positions of the children of pool[i].
struct Graph {
  std::vector<std::vector<size_t>> children;
  bool is_forest = true;  // every variant has at most one parent in the pool
};

Graph BuildGraph(const std::vector<Candidate>& pool) {
  std::unordered_map<int, size_t> position;
  for (size_t i = 0; i < pool.size(); ++i) position.emplace(pool[i].id, i);
  Graph graph;
  graph.children.resize(pool.size());
  for (size_t i = 0; i < pool.size(); ++i) {
    std::vector<size_t> parents;
    for (int p : pool[i].parents) {
      auto it = position.find(p);
      if (it != position.end() && it->second != i) parents.push_back(it->second);
    }
    std::sort(parents.begin(), parents.end());
    parents.erase(std::unique(parents.begin(), parents.end()), parents.end());
    if (parents.size() > 1) graph.is_forest = false;
    for (size_t p : parents) graph.children[p].push_back(i);
  }
  return graph;
}

// Forest: one pass from the leaves up (Kahn order from the roots, reversed). Variants on a
// malformed parent cycle are never ordered and keep only their own tally.
std::vector<CladeTally> ForestTallies(const std::vector<CladeTally>& own, const Graph& graph) {
  const size_t n = own.size();
  std::vector<int> indegree(n, 0);
  for (const auto& kids : graph.children) {
    for (size_t k : kids) ++indegree[k];
  }
  std::vector<size_t> order;
  for (size_t i = 0; i < n; ++i) {
    if (indegree[i] == 0) order.push_back(i);
  }
  for (size_t next = 0; next < order.size(); ++next) {
    for (size_t k : graph.children[order[next]]) order.push_back(k);
  }
  std::vector<CladeTally> total = own;
  for (size_t j = order.size(); j-- > 0;) {
    for (size_t k : graph.children[order[j]]) {
      total[order[j]].wins += total[k].wins;
      total[order[j]].losses += total[k].losses;
    }
  }
  return total;
}

// Any graph: a walk from `root` that visits each descendant once.
CladeTally WalkTally(size_t root, const std::vector<CladeTally>& own, const Graph& graph,
                     std::vector<size_t>& seen_by) {
  CladeTally total;
  std::vector<size_t> stack = {root};
  seen_by[root] = root;
  while (!stack.empty()) {
    const size_t i = stack.back();
    stack.pop_back();
    total.wins += own[i].wins;
    total.losses += own[i].losses;
    for (size_t k : graph.children[i]) {
      if (seen_by[k] != root) {
        seen_by[k] = root;
        stack.push_back(k);
      }
    }
  }
  return total;
}

}  // namespace

std::unordered_map<int, CladeTally> CladeTallies(const std::vector<Candidate>& pool,
                                                 bool failures_are_losses) {
  std::vector<CladeTally> own;
  for (const Candidate& c : pool) own.push_back(OwnTally(c, failures_are_losses));
  const Graph graph = BuildGraph(pool);
  std::unordered_map<int, CladeTally> out;
  if (graph.is_forest) {
    const std::vector<CladeTally> total = ForestTallies(own, graph);
    for (size_t i = 0; i < pool.size(); ++i) {
      if (IsEligible(pool[i])) out[pool[i].id] = total[i];
    }
    return out;
  }
  std::vector<size_t> seen_by(pool.size(), pool.size());
  for (size_t i = 0; i < pool.size(); ++i) {
    if (IsEligible(pool[i])) out[pool[i].id] = WalkTally(i, own, graph, seen_by);
  }
  return out;
}

Result<std::vector<int>> HgmPolicy::Select(const std::vector<Candidate>& pool, size_t count,
                                           Rng& rng) const {
  if (count == 0) return std::vector<int>{};
  auto eligible = CLADE_TRY(EligibleOrFail(pool, name()));
  const auto by_id = CladeTallies(pool, failures_are_losses_);
  std::vector<CladeTally> tallies;
  for (const Candidate* c : eligible) tallies.push_back(by_id.at(c->id));
  std::vector<int> picks;
  for (size_t i = 0; i < count; ++i) {
    size_t pick = 0;
    double best = -1;
    for (size_t j = 0; j < eligible.size(); ++j) {
      const double theta = BetaDraw(rng, 1 + tallies[j].wins, 1 + tallies[j].losses);
      if (theta > best) {
        best = theta;
        pick = j;
      }
    }
    picks.push_back(eligible[pick]->id);
  }
  return picks;
}

}  // namespace clade::selection
