#include "strategy.h"

MutateOptions repair_strategy() {
  MutateOptions o;
  o.top_lines = 12;
  o.copy_window = 6;
  // Validation is the cost (a rebuild and the visible tests per candidate); this cap
  // keeps a task that has no one-line fix to about 10 s on two cores.
  o.max_candidates = 60;
  o.weights.relational = 1.00;
  o.weights.constant_step = 0.95;
  o.weights.arithmetic = 0.90;
  o.weights.logical = 0.90;
  o.weights.negate = 0.75;
  o.weights.constant_set = 0.60;
  o.weights.delete_statement = 0.45;
  o.weights.copy = 0.35;
  return o;
}
