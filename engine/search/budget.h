// The budget of a run: which limit of the config is spent, and how much of each is used,
// for the status line and the summary.
#pragma once

#include <optional>
#include <string>

#include "engine/search/run_config.h"
#include "engine/search/run_state.h"

namespace clade::search {

// "iterations (20 of 20)", "wall time (15m of 15m)", ... for the first budget `state` has
// spent after `seconds` of wall time in all, or nullopt.
std::optional<std::string> SpentBudget(const BudgetConfig& budget, const RunState& state,
                                       double seconds);

// "iter 3/20  variants 12/100  time 2m10s/15m" for the budgets that are set.
std::string BudgetUsage(const BudgetConfig& budget, const RunState& state, double seconds);

// The share of the budget used, in [0, 1]: the largest used/limit over the budgets that
// are set (children, iterations at `per_iteration` children each, task evaluations, CPU
// time, wall time after `seconds`, tokens, money); 0 when none is set.
double SpentFraction(const BudgetConfig& budget, const RunState& state, int64_t per_iteration,
                     double seconds);

// Seconds left of the wall-time budget, or nullopt when there is none.
std::optional<double> TimeLeft(const BudgetConfig& budget, double seconds);

// How many more children the budget allows: from `variants`, and from `iterations` at
// `per_iteration` children each; the smaller when both are set, nullopt when neither is.
std::optional<int64_t> ChildrenLeft(const BudgetConfig& budget, const RunState& state,
                                    int64_t per_iteration);

// The wall time the run still needs (`seconds` of it have passed), estimated from each
// budget that counts work, the smaller: the children left times the seconds one child
// has taken so far (`seconds_per_child`, the session's wall time per recorded child), and
// the CPU seconds left of budget.cpu_time at the run's wall seconds per counted CPU
// second so far; never past the wall-time budget. Nullopt when no budget counts children
// or CPU time, or there is no pace yet: an estimate, shown as such, never a limit.
std::optional<double> EstimatedSecondsLeft(const BudgetConfig& budget, const RunState& state,
                                           int64_t per_iteration, double seconds,
                                           std::optional<double> seconds_per_child);

// 75 -> "1m15s", 3700 -> "1h01m".
std::string FormatSeconds(double seconds);

}  // namespace clade::search
