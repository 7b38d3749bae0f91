#include "engine/search/islands.h"

#include <algorithm>

namespace clade::search {

using archive::VariantId;

Islands::Islands(int count, int64_t migration_interval)
    : count_(std::max(1, count)),
      interval_(std::max<int64_t>(1, migration_interval)),
      members_(static_cast<size_t>(count_)) {}

void Islands::Add(VariantId id, int island, const archive::RecordSummary& summary) {
  if (summary.status == EvalStatus::kEvaluated && summary.score) scores_[id] = *summary.score;
  if (id == 0) {
    for (auto& members : members_) members.insert(id);
    return;
  }
  members_.at(static_cast<size_t>(island)).insert(id);
  if (++children_ % interval_ == 0 && count_ > 1) Migrate();
}

// Each island's best evaluated member (lowest id on a tie) joins the next island; all
// bests are chosen before any moves, so a migrant travels one island per migration.
void Islands::Migrate() {
  std::vector<std::optional<VariantId>> best(members_.size());
  for (size_t k = 0; k < members_.size(); ++k) {
    for (VariantId id : members_[k]) {
      auto score = scores_.find(id);
      if (score == scores_.end()) continue;
      if (!best[k] || score->second > scores_.at(*best[k])) best[k] = id;
    }
  }
  for (size_t k = 0; k < members_.size(); ++k) {
    if (best[k]) members_[(k + 1) % members_.size()].insert(*best[k]);
  }
  ++migrations_;
}

bool Islands::Contains(int island, VariantId id) const {
  return members_.at(static_cast<size_t>(island)).count(id) > 0;
}

const std::set<VariantId>& Islands::Members(int island) const {
  return members_.at(static_cast<size_t>(island));
}

}  // namespace clade::search
