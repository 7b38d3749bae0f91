// Pruning rules: after a generation (or each child, in asynchronous mode), which variants
// stop being possible parents. A pruned variant stays in the archive with its record; it is
// only never selected again. Seeds (variants without parents) are never pruned.
//   keep_all:    prunes nothing.
//   keep_better: prunes a new child whose score is below its best parent's score minus
//                `leeway`.
//   max_size:    keeps the `max_size` best eligible variants (seeds always kept and counted;
//                then highest score, ties by lower id) and prunes the other eligible ones.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/selection/candidate.h"
#include "support/error.h"

namespace clade::selection {

struct PruningOptions {
  double leeway = 0;    // keep_better: tolerated drop below the parent, for noisy scores
  size_t max_size = 0;  // max_size: how many eligible variants stay; must be >= 1
};

class PruningRule {
 public:
  virtual ~PruningRule() = default;
  virtual std::string_view name() const = 0;

  // The ids to prune now, ascending: only eligible (evaluated, scored, unpruned) non-seed
  // variants. `new_ids` are the children added since the last call (keep_better looks only
  // at these). Deterministic; needs no RNG.
  virtual std::vector<int> Prune(const std::vector<Candidate>& pool,
                                 const std::vector<int>& new_ids) const = 0;
};

// The names MakePruning knows, sorted.
const std::vector<std::string>& KnownPruningRules();

// The rule called `name`. Error (kUsage) naming an unknown rule and listing the known ones,
// or a bad option (max_size 0, negative or non-finite leeway).
Result<std::unique_ptr<PruningRule>> MakePruning(std::string_view name,
                                                 const PruningOptions& options = {});

class KeepAllRule : public PruningRule {
 public:
  std::string_view name() const override { return "keep_all"; }
  std::vector<int> Prune(const std::vector<Candidate>& pool,
                         const std::vector<int>& new_ids) const override;
};

class KeepBetterRule : public PruningRule {
 public:
  explicit KeepBetterRule(double leeway) : leeway_(leeway) {}
  std::string_view name() const override { return "keep_better"; }
  std::vector<int> Prune(const std::vector<Candidate>& pool,
                         const std::vector<int>& new_ids) const override;

 private:
  double leeway_;
};

class MaxSizeRule : public PruningRule {
 public:
  explicit MaxSizeRule(size_t max_size) : max_size_(max_size) {}
  std::string_view name() const override { return "max_size"; }
  std::vector<int> Prune(const std::vector<Candidate>& pool,
                         const std::vector<int>& new_ids) const override;

 private:
  size_t max_size_;
};

}  // namespace clade::selection
