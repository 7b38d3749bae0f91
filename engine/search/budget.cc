#include "engine/search/budget.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>

namespace clade::search {

std::string FormatSeconds(double seconds) {
  auto total = static_cast<int64_t>(std::max(0.0, std::round(seconds)));
  if (total < 60) return fmt::format("{}s", total);
  if (total < 3600) return fmt::format("{}m{:02}s", total / 60, total % 60);
  if (total < 86400) return fmt::format("{}h{:02}m", total / 3600, total % 3600 / 60);
  return fmt::format("{}d{:02}h", total / 86400, total % 86400 / 3600);
}

std::optional<std::string> SpentBudget(const BudgetConfig& budget, const RunState& state,
                                       double seconds) {
  if (budget.iterations && state.iterations >= *budget.iterations) {
    return fmt::format("iterations ({} of {})", state.iterations, *budget.iterations);
  }
  if (budget.variants && state.children >= *budget.variants) {
    return fmt::format("variants ({} of {})", state.children, *budget.variants);
  }
  if (budget.task_evaluations && state.task_evaluations >= *budget.task_evaluations) {
    return fmt::format("task evaluations ({} of {})", state.task_evaluations,
                       *budget.task_evaluations);
  }
  if (budget.cpu_seconds && state.cpu_seconds >= *budget.cpu_seconds) {
    return fmt::format("CPU time ({} of {})", FormatSeconds(state.cpu_seconds),
                       FormatSeconds(*budget.cpu_seconds));
  }
  if (budget.wall_seconds && seconds >= *budget.wall_seconds) {
    return fmt::format("wall time ({} of {})", FormatSeconds(seconds),
                       FormatSeconds(*budget.wall_seconds));
  }
  if (budget.tokens && state.tokens >= *budget.tokens) {
    return fmt::format("tokens ({} of {})", state.tokens, *budget.tokens);
  }
  if (budget.money && state.cost >= *budget.money) {
    return fmt::format("money ({:.2f} of {:.2f})", state.cost, *budget.money);
  }
  return std::nullopt;
}

std::string BudgetUsage(const BudgetConfig& budget, const RunState& state, double seconds) {
  std::string text;
  auto add = [&text](const std::string& part) { text += (text.empty() ? "" : "  ") + part; };
  if (budget.iterations) add(fmt::format("iter {}/{}", state.iterations, *budget.iterations));
  if (budget.variants) add(fmt::format("variants {}/{}", state.children, *budget.variants));
  if (budget.task_evaluations) {
    add(fmt::format("tasks {}/{}", state.task_evaluations, *budget.task_evaluations));
  }
  if (budget.wall_seconds) {
    add(fmt::format("time {}/{}", FormatSeconds(seconds), FormatSeconds(*budget.wall_seconds)));
  }
  if (budget.cpu_seconds) {
    add(fmt::format("cpu {}/{}", FormatSeconds(state.cpu_seconds),
                    FormatSeconds(*budget.cpu_seconds)));
  }
  if (budget.tokens) add(fmt::format("tokens {}/{}", state.tokens, *budget.tokens));
  if (budget.money) add(fmt::format("cost {:.2f}/{:.2f}", state.cost, *budget.money));
  return text;
}

double SpentFraction(const BudgetConfig& budget, const RunState& state, int64_t per_iteration,
                     double seconds) {
  double spent = 0;
  auto add = [&spent](const auto& limit, double used) {
    if (limit && *limit > 0) spent = std::max(spent, used / static_cast<double>(*limit));
  };
  add(budget.variants, static_cast<double>(state.children));
  if (budget.iterations) {
    add(std::optional<double>(static_cast<double>(*budget.iterations * per_iteration)),
        static_cast<double>(state.children));
  }
  add(budget.task_evaluations, static_cast<double>(state.task_evaluations));
  add(budget.cpu_seconds, state.cpu_seconds);
  add(budget.wall_seconds, seconds);
  add(budget.tokens, static_cast<double>(state.tokens));
  add(budget.money, state.cost);
  return std::min(1.0, spent);
}

std::optional<double> TimeLeft(const BudgetConfig& budget, double seconds) {
  if (!budget.wall_seconds) return std::nullopt;
  return std::max(0.0, *budget.wall_seconds - seconds);
}

std::optional<int64_t> ChildrenLeft(const BudgetConfig& budget, const RunState& state,
                                    int64_t per_iteration) {
  std::optional<int64_t> left;
  if (budget.variants) left = std::max<int64_t>(0, *budget.variants - state.children);
  if (budget.iterations) {
    int64_t by_iterations = std::max<int64_t>(0, *budget.iterations * per_iteration - state.children);
    left = left ? std::min(*left, by_iterations) : by_iterations;
  }
  return left;
}

std::optional<double> EstimatedSecondsLeft(const BudgetConfig& budget, const RunState& state,
                                           int64_t per_iteration, double seconds,
                                           std::optional<double> seconds_per_child) {
  std::optional<double> estimate;
  std::optional<int64_t> children = ChildrenLeft(budget, state, per_iteration);
  if (children && seconds_per_child) estimate = static_cast<double>(*children) * *seconds_per_child;
  if (budget.cpu_seconds && state.cpu_seconds > 0 && seconds > 0) {
    double cpu_left = std::max(0.0, *budget.cpu_seconds - state.cpu_seconds);
    double by_cpu = cpu_left * (seconds / state.cpu_seconds);
    estimate = estimate ? std::min(*estimate, by_cpu) : by_cpu;
  }
  if (!estimate) return std::nullopt;
  if (auto left = TimeLeft(budget, seconds)) estimate = std::min(*estimate, *left);
  return estimate;
}

}  // namespace clade::search
