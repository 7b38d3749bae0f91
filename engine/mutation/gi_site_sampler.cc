#include "engine/mutation/gi_site_sampler.h"

#include <algorithm>

namespace clade::mutation::gi {
namespace {

// The number of sites of `op` in `file` when every one counts (not for the statement
// movers, which skip statements that cannot be moved).
size_t CountOf(const FileSites& file, GiOperator op) {
  switch (op) {
    case GiOperator::kDeleteStatement:
      return file.statements.size();
    case GiOperator::kBinaryOperator:
      return file.binary.size();
    case GiOperator::kUnaryOperator:
      return file.unary.size();
    case GiOperator::kConstant:
    case GiOperator::kReuseConstant:
      return file.literals.size();
    case GiOperator::kNegateCondition:
      return file.conditions.size();
    case GiOperator::kCopyStatement:
    case GiOperator::kSwapStatements:
    case GiOperator::kReplaceStatement:
    case GiOperator::kCrossover:
      break;
  }
  return 0;
}

bool MovesStatements(GiOperator op) {
  return op == GiOperator::kCopyStatement || op == GiOperator::kSwapStatements ||
         op == GiOperator::kReplaceStatement;
}

// Sites of `op` across all files, as (file, index), sorted by file then offset.
std::vector<std::pair<size_t, size_t>> SitesOf(const std::vector<FileSites>& files, GiOperator op) {
  std::vector<std::pair<size_t, size_t>> sites;
  for (size_t f = 0; f < files.size(); ++f) {
    const FileSites& file = files[f];
    if (MovesStatements(op)) {
      for (size_t i = 0; i < file.statements.size(); ++i) {
        if (file.statements[i].movable) sites.emplace_back(f, i);
      }
      continue;
    }
    for (size_t i = 0; i < CountOf(file, op); ++i) sites.emplace_back(f, i);
  }
  return sites;
}

}  // namespace

SiteSampler::SiteSampler(const std::vector<FileSites>& files,
                         const std::vector<GiOperator>& operators) {
  for (GiOperator op : kAllGiOperators) {
    if (!operators.empty() &&
        std::find(operators.begin(), operators.end(), op) == operators.end()) {
      continue;
    }
    auto sites = SitesOf(files, op);
    if (!sites.empty()) usable_.emplace_back(op, std::move(sites));
  }
}

Site SiteSampler::Draw(Random& random) const {
  const auto& [op, sites] = usable_[random.Pick(usable_.size())];
  const auto [file, index] = sites[random.Pick(sites.size())];
  return {op, file, index};
}

}  // namespace clade::mutation::gi
