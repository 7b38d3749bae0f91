#include "engine/selection/pruning.h"

#include <algorithm>
#include <cmath>
#include <optional>
#include <unordered_map>

#include "support/strings.h"

namespace clade::selection {

const std::vector<std::string>& KnownPruningRules() {
  static const std::vector<std::string> names = {"keep_all", "keep_better", "max_size"};
  return names;
}

Result<std::unique_ptr<PruningRule>> MakePruning(std::string_view name,
                                                 const PruningOptions& options) {
  if (name == "keep_all") return std::make_unique<KeepAllRule>();
  if (name == "keep_better") {
    if (!(options.leeway >= 0) || !std::isfinite(options.leeway)) {
      return FailAs(ErrorKind::kUsage,
                    "pruning rule 'keep_better': the leeway must be a number >= 0");
    }
    return std::make_unique<KeepBetterRule>(options.leeway);
  }
  if (name == "max_size") {
    if (options.max_size == 0) {
      return FailAs(ErrorKind::kUsage,
                    "pruning rule 'max_size': the maximum size must be at least 1");
    }
    return std::make_unique<MaxSizeRule>(options.max_size);
  }
  return FailAs(ErrorKind::kUsage, "unknown pruning rule '{}'; known rules: {}", name,
                Join(KnownPruningRules(), ", "));
}

std::vector<int> KeepAllRule::Prune(const std::vector<Candidate>& /*pool*/,
                                    const std::vector<int>& /*new_ids*/) const {
  return {};
}

namespace {

bool IsSeed(const Candidate& c) {
  return c.parents.empty();
}

}  // namespace

std::vector<int> KeepBetterRule::Prune(const std::vector<Candidate>& pool,
                                       const std::vector<int>& new_ids) const {
  std::unordered_map<int, const Candidate*> by_id;
  for (const Candidate& c : pool) by_id.emplace(c.id, &c);
  std::vector<int> out;
  for (int id : new_ids) {
    auto it = by_id.find(id);
    if (it == by_id.end() || !IsEligible(*it->second) || IsSeed(*it->second)) continue;
    // The best scored parent sets the bar; a parent without a score sets none.
    std::optional<double> bar;
    for (int p : it->second->parents) {
      auto parent = by_id.find(p);
      if (parent == by_id.end() || !parent->second->score || std::isnan(*parent->second->score)) {
        continue;
      }
      bar = std::max(bar.value_or(*parent->second->score), *parent->second->score);
    }
    if (bar && ScoreOf(*it->second) < *bar - leeway_) out.push_back(id);
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<int> MaxSizeRule::Prune(const std::vector<Candidate>& pool,
                                    const std::vector<int>& /*new_ids*/) const {
  std::vector<const Candidate*> eligible = EligibleCandidates(pool);
  // Seeds first, then the better ones: the first max_size (and every seed) are kept.
  std::stable_sort(eligible.begin(), eligible.end(), [](const Candidate* a, const Candidate* b) {
    if (IsSeed(*a) != IsSeed(*b)) return IsSeed(*a);
    return BetterThan(*a, *b);
  });
  std::vector<int> out;
  for (size_t i = 0; i < eligible.size(); ++i) {
    if (i >= max_size_ && !IsSeed(*eligible[i])) out.push_back(eligible[i]->id);
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace clade::selection
