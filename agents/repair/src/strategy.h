// The repair strategy's tunable choices in one place: how many suspicious lines to
// mutate, how many candidates to validate, how much each repair operator is trusted.
// They are written as assignments in a function body so that a mutator that tweaks
// constants (clade's gi) can tune them like any other code.
#pragma once
#include "mutate.h"

// The candidate generation settings the agent runs with.
MutateOptions repair_strategy();
