// The repair strategy: every choice of how the agent repairs, as small functions of this
// one file. A search over the agent (clade's gi, docs/mutation.md) reaches capabilities
// here, not only constants: it can delete, copy, swap or replace the rows of the template
// table (which templates run, in which order), turn on a template the seed leaves off by
// tweaking its weight of 0, rewrite the arithmetic of the localisation formula or the
// comparison of the candidate order, and crossover exchanges any of these functions
// whole between two variants (each template's weight is one, in strategy.cc, so two
// weights found by two variants can meet in one child).
#pragma once
#include <vector>

#include "mutate.h"

// How suspicious a line is, from its spectrum: `failed_covering` and `passed_covering`
// failing and passing test cases executed it, of `failed_total` failing and
// `passed_total` passing cases whose coverage was read. Higher is more suspicious; a
// line no failing case executes should get 0. REQUIRES: failed_total > 0.
double suspiciousness(int failed_covering, int passed_covering, int failed_total,
                      int passed_total);

// Whether candidate `a` is validated before candidate `b` (a strict weak order).
bool tried_before(const Candidate& a, const Candidate& b);

// The repair templates (templates.h) the agent runs on each suspicious line, in order,
// each with its weight (<= 0: off).
std::vector<TemplateUse> repair_templates();

// The candidate generation settings the agent runs with.
MutateOptions repair_strategy();
