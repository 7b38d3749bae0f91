#include "engine/search/task_scheduler.h"

#include <algorithm>
#include <cmath>

namespace clade::search {

using archive::VariantId;

std::vector<sandbox::Suite> TaskOrder(const sandbox::Suite& suite, std::optional<size_t> max_tasks,
                                      uint64_t seed) {
  std::vector<sandbox::Task> tasks = suite.tasks;
  if (max_tasks && *max_tasks < tasks.size()) tasks.resize(*max_tasks);
  selection::Rng rng(seed ^ 0x7461736b73ULL);  // "tasks": not the selection stream
  for (size_t i = tasks.size(); i > 1; --i) {
    std::swap(tasks[i - 1], tasks[selection::UniformIndex(rng, i)]);
  }
  std::vector<sandbox::Suite> order;
  for (sandbox::Task& task : tasks) {
    sandbox::Suite one = suite;
    one.tasks = {std::move(task)};
    order.push_back(std::move(one));
  }
  return order;
}

double CoolDown(double spent, double exponent) {
  constexpr double kMost = 10000;
  if (exponent <= 0) return 1;
  if (spent >= 1) return kMost;
  return std::min(kMost, std::pow(1 / (1 - std::max(0.0, spent)), exponent));
}

TaskScheduler::TaskScheduler(size_t tasks, double exponent) : tasks_(tasks), exponent_(exponent) {}

void TaskScheduler::Add(VariantId id, std::optional<VariantId> parent,
                        const std::vector<size_t>& given) {
  Node& node = nodes_[id];
  node.parent = parent;
  node.given.assign(tasks_, false);
  for (size_t task : given) {
    if (task < tasks_ && !node.given[task]) {
      node.given[task] = true;
      ++node.given_count;
    }
  }
  if (parent && nodes_.count(*parent)) nodes_[*parent].children.push_back(id);
}

void TaskScheduler::AddScore(VariantId id, double score) {
  Node& node = nodes_.at(id);
  node.wins += std::clamp(score, 0.0, 1.0);
  node.runs += 1;
  if (node.parent) ++evaluations_;
}

void TaskScheduler::Close(VariantId id) { nodes_.at(id).closed = true; }

size_t TaskScheduler::TakeTask(VariantId id) {
  Node& node = nodes_.at(id);
  size_t task = static_cast<size_t>(
      std::find(node.given.begin(), node.given.end(), false) - node.given.begin());
  if (task < tasks_) {
    node.given[task] = true;
    ++node.given_count;
  }
  return task;
}

void TaskScheduler::GiveBack(VariantId id, size_t task) {
  Node& node = nodes_.at(id);
  if (task < tasks_ && node.given[task]) {
    node.given[task] = false;
    --node.given_count;
  }
}

bool TaskScheduler::TasksLeft(VariantId id) const {
  const Node& node = nodes_.at(id);
  return !node.closed && node.given_count < tasks_;
}

bool TaskScheduler::Complete(VariantId id) const { return nodes_.at(id).runs >= tasks_; }

bool TaskScheduler::ShouldExpand(size_t pending) const {
  return std::pow(static_cast<double>(evaluations_), exponent_) >=
         static_cast<double>(children() + pending);
}

std::pair<double, size_t> TaskScheduler::Clade(VariantId id) const {
  const Node& node = nodes_.at(id);
  std::pair<double, size_t> sum{node.wins, node.runs};
  for (VariantId child : node.children) {
    auto [wins, runs] = Clade(child);
    sum.first += wins;
    sum.second += runs;
  }
  return sum;
}

std::optional<VariantId> TaskScheduler::ChooseParent(selection::Rng& rng,
                                                     double concentration) const {
  std::optional<VariantId> best;
  double best_theta = -1;
  for (const auto& [id, node] : nodes_) {  // id order: the draws do not depend on timing
    if (node.wins <= 0) continue;
    auto [wins, runs] = Clade(id);
    double theta = selection::BetaDraw(rng, concentration * (1 + wins),
                                       concentration * (1 + static_cast<double>(runs) - wins));
    if (theta > best_theta) {
      best = id;
      best_theta = theta;
    }
  }
  return best;
}

std::optional<VariantId> TaskScheduler::ChooseToEvaluate(selection::Rng& rng,
                                                         double concentration) const {
  std::optional<VariantId> best;
  double best_theta = -1;
  for (const auto& [id, node] : nodes_) {
    if (!TasksLeft(id)) continue;
    double theta = selection::BetaDraw(
        rng, concentration * (1 + node.wins),
        concentration * (1 + static_cast<double>(node.runs) - node.wins));
    if (theta > best_theta) {
      best = id;
      best_theta = theta;
    }
  }
  return best;
}

}  // namespace clade::search
