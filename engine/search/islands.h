// Islands (search.islands; docs/search.md, "Islands"): the archive's variants split into N
// sub-populations that evolve apart and exchange their best every M children, as in the
// island models of genetic programming and ShinkaEvolve. A child is drawn from one island
// (child k of the run from island k mod N) and joins it; the seed belongs to every island.
// Every `migration_interval` children, each island's best evaluated member joins the next
// island (a ring: the last island's best joins the first).
//
// Membership is a function of the records in id order (each child's record names its
// island), so it is rebuilt when a run resumes and never stored apart: Add every variant
// in id order and the same migrations happen.
//
// Thread safety: none (the search loop's thread).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <vector>

#include "archive/variant.h"

namespace clade::search {

class Islands {
 public:
  // REQUIRES: count >= 1, migration_interval >= 1.
  Islands(int count, int64_t migration_interval);

  int count() const { return count_; }
  // The island child number `index` (0-based over the whole run) is drawn from.
  int IslandOfChild(int64_t index) const { return static_cast<int>(index % count_); }

  // Adds variant `id`, the next in id order: the seed (id 0, every island), or a child of
  // `island` with what its record says. Migrates after every migration_interval children.
  // REQUIRES: ids added in order, island in [0, count) for a child.
  void Add(archive::VariantId id, int island, const archive::RecordSummary& summary);

  bool Contains(int island, archive::VariantId id) const;
  const std::set<archive::VariantId>& Members(int island) const;
  int64_t migrations() const { return migrations_; }

 private:
  void Migrate();

  int count_;
  int64_t interval_;
  int64_t children_ = 0;
  int64_t migrations_ = 0;
  std::vector<std::set<archive::VariantId>> members_;
  std::map<archive::VariantId, double> scores_;  // evaluated variants' scores
};

}  // namespace clade::search
