// The GI operators (GiOperator, gi_mutator.h): how an operator turns a site (gi_site_sampler.h)
// into edits of the parent's text, with its own choices (the new token or value, the
// statement to copy, where to) drawn from the mutation's Random. The crossover makes its
// edits elsewhere (gi_crossover.h). Internal to engine/mutation and Clang-free.
//
// Thread safety: plain functions of their arguments (ApplyOperator advances `random`).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "engine/mutation/gi_edit.h"
#include "engine/mutation/gi_mutator.h"
#include "engine/mutation/gi_site_sampler.h"
#include "engine/mutation/gi_sites.h"

namespace clade::mutation::gi {

// One operator applied: its edits and one line for the child's summary ("replace < with <=
// in src/a.cc:3"). Not an edit of its own but the unit a mutation draws, checks for
// overlaps and describes: one GiEdit for every operator but a swap, which gives two. All its
// edits are of one file and carry `op`'s name.
struct AppliedOperator {
  GiOperator op = GiOperator::kConstant;
  std::vector<GiEdit> edits;  // REQUIRES: not empty
  std::string description;
};

// `site.op` applied at `site` of `files`: its edits against the files' texts (nothing is
// written), each with its 1-based line. nullopt when the operator has nothing to do there
// (a token with no alternative, a statement with no place it fits); nothing is drawn from
// `random` then. REQUIRES: `site` was drawn from a SiteSampler of `files`,
// and site.op is not kCrossover.
std::optional<AppliedOperator> ApplyOperator(const std::vector<FileSites>& files, const Site& site,
                                             Random& random);

// Whether two applied operators change the same text. Conservative: touching ranges, and
// an insertion at the edge of a changed range, count as overlapping.
bool Clashes(const AppliedOperator& a, const AppliedOperator& b);

}  // namespace clade::mutation::gi
