// The GI crossover (GiOperator::kCrossover): the function definitions of a parent that a
// donor variant defines differently, each a candidate child in which the parent's
// definition is replaced by the donor's. Internal to engine/mutation and Clang-free (the
// definitions come from the source index, source_index.h).
//
// Thread safety: reads the parent's and the donors' files; no shared state.
#pragma once

#include <vector>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/gi_mutator.h"
#include "engine/mutation/gi_operators.h"
#include "support/error.h"

namespace clade::mutation::gi {

// Every function or method definition of an editable file of `agent` that a donor defines
// differently (whitespace aside) under the same qualified name and parameters
// (Symbol::Key()), in donor order, then by file and offset. Of a donor with a `base` (the
// common ancestor), only definitions its line changed: the base lacks them or defines them
// differently, so a crossover brings what the other line found, not the ancestor's code.
// A name a donor defines more than once counts only in a file of the same path. Each
// candidate is one edit: the whole definition (template header to closing brace)
// replaced by the donor's text, with the parent's line and the donor's variant id,
// described as "cross over Scale(int) from variant 3 into src/a.cc:5". The candidates are
// not checked for syntax.
// Errors: a donor directory that cannot be opened, a file that cannot be read.
Result<std::vector<AppliedOperator>> CrossoverCandidates(const AgentSource& agent,
                                                         const std::vector<GiDonor>& donors);

}  // namespace clade::mutation::gi
