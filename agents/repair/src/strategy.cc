#include "strategy.h"

MutateOptions repair_strategy() {
  MutateOptions o;
  o.top_lines = 12;
  o.copy_window = 6;
  // Validation is the cost (a rebuild and the visible tests per candidate); this cap
  // bounds it, where the candidate lists of the repair suite run to 150. The uncapped
  // agent found its fixes within the first 47 candidates but for two tasks (70, 80).
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
