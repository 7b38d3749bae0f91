// The scheduling rule of `search.mode: tasks` (docs/search.md, "Per-task scheduling"), after
// the Huxley-Gödel Machine: the unit of work is one task evaluation, and each time a worker
// is free the scheduler decides whether it goes to a new child or to one more task of a
// variant already made.
//
//   expand    when evaluations^exponent >= children + expansions in flight (HGM's rule:
//             the tree grows sub-linearly in the evaluations spent). The parent is drawn
//             by Thompson sampling on its clade: theta ~ Beta(1 + W, 1 + L), W and L the
//             summed task scores and their complements over the variant and every
//             descendant, among the variants with a score above 0.
//   evaluate  otherwise: the variant with tasks left, drawn by Thompson sampling on its
//             own task scores, gets its next task (every variant takes the tasks in the
//             same order, so any two are compared on the same tasks).
//   cool-down both draws may be made greedier as the budget ends (HGM's cool_down): both
//             Beta parameters are multiplied by a concentration, CoolDown() below, which
//             narrows each posterior around its mean.
//
// Pure bookkeeping with no I/O: the search loop (tasks.cc) feeds it outcomes and runs what
// it picks. Not thread-safe; the loop's thread only.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <vector>

#include "archive/archive.h"
#include "engine/selection/rng.h"
#include "sandbox/suite.h"

namespace clade::search {

// The run's task order: the suite's (first `max_tasks`) tasks shuffled by `seed` (the
// run's; the same order on resume), each as a suite of its own to evaluate alone.
std::vector<sandbox::Suite> TaskOrder(const sandbox::Suite& suite, std::optional<size_t> max_tasks,
                                      uint64_t seed);

// HGM's cool-down factor for the Beta parameters when the share `spent` in [0, 1] of the
// budget is used: (1 / (1 - spent))^exponent, at most 10,000 (HGM's value once the budget
// is spent). 1 when `exponent` is 0 (no cool-down). REQUIRES: exponent >= 0.
double CoolDown(double spent, double exponent);

class TaskScheduler {
 public:
  // `tasks`: how many tasks a variant can be given. `exponent`: search.expand_exponent,
  // in (0, 1]. REQUIRES: tasks > 0.
  TaskScheduler(size_t tasks, double exponent);

  // A variant joins the tree; `parent` is none for the root (the seed). `given`: the
  // indexes (in the common task order) of the tasks it has run already (its record's).
  void Add(archive::VariantId id, std::optional<archive::VariantId> parent,
           const std::vector<size_t>& given = {});
  bool Has(archive::VariantId id) const { return nodes_.count(id) > 0; }
  // One task outcome of `id`, a score in [0, 1]. REQUIRES: Has(id).
  void AddScore(archive::VariantId id, double score);
  // `id` gets no more tasks (its build failed, it tampered, or was a duplicate).
  void Close(archive::VariantId id);
  // The index (in the common task order) of the next task of `id`, the first not given
  // out yet, now given out. REQUIRES: TasksLeft(id).
  size_t TakeTask(archive::VariantId id);
  // Task `task` of `id` could not run (an infrastructure failure): it may be given again.
  void GiveBack(archive::VariantId id, size_t task);
  bool TasksLeft(archive::VariantId id) const;
  // Whether `id` has a score for every task.
  bool Complete(archive::VariantId id) const;

  // HGM's widening rule, with `pending` expansions in flight.
  bool ShouldExpand(size_t pending) const;
  // The parent of the next child, or none when no variant has scored above 0.
  // `concentration` (CoolDown()) multiplies both Beta parameters; 1 is plain Thompson
  // sampling. REQUIRES: concentration >= 1.
  std::optional<archive::VariantId> ChooseParent(selection::Rng& rng,
                                                 double concentration = 1) const;
  // The variant whose next task runs now, or none when no variant has tasks left.
  std::optional<archive::VariantId> ChooseToEvaluate(selection::Rng& rng,
                                                     double concentration = 1) const;

  // Task outcomes recorded so far, over every variant but the root.
  size_t evaluations() const { return evaluations_; }
  size_t children() const { return nodes_.empty() ? 0 : nodes_.size() - 1; }

 private:
  struct Node {
    std::optional<archive::VariantId> parent;
    std::vector<archive::VariantId> children;
    double wins = 0;  // summed task scores
    size_t runs = 0;  // task outcomes
    std::vector<bool> given;  // per task in the common order: given out
    size_t given_count = 0;
    bool closed = false;
  };
  // Wins and runs summed over `id` and its descendants.
  std::pair<double, size_t> Clade(archive::VariantId id) const;

  size_t tasks_;
  double exponent_;
  std::map<archive::VariantId, Node> nodes_;
  size_t evaluations_ = 0;
};

}  // namespace clade::search
