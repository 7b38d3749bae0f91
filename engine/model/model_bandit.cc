#include "engine/model/model_bandit.h"

#include <algorithm>
#include <cmath>

namespace clade::model {

std::string_view ModelSelectionName(ModelSelection selection) {
  switch (selection) {
    case ModelSelection::kFixed: return "fixed";
    case ModelSelection::kRoundRobin: return "round_robin";
    case ModelSelection::kUcb: return "ucb";
  }
  return "fixed";
}

std::optional<ModelSelection> ParseModelSelection(std::string_view name) {
  for (ModelSelection s : {ModelSelection::kFixed, ModelSelection::kRoundRobin, ModelSelection::kUcb}) {
    if (ModelSelectionName(s) == name) return s;
  }
  return std::nullopt;
}

ModelBandit::ModelBandit(ModelSelection rule, size_t models)
    : rule_(rule), arms_(std::max<size_t>(models, 1)) {}

size_t ModelBandit::Choose(int64_t child) {
  size_t model = 0;
  if (rule_ == ModelSelection::kRoundRobin) {
    model = static_cast<size_t>(std::max<int64_t>(child, 0)) % arms_.size();
  } else if (rule_ == ModelSelection::kUcb) {
    model = Ucb();
  }
  Start(model);
  return model;
}

void ModelBandit::Start(size_t model) { arms_.at(model).in_flight += 1; }

void ModelBandit::Finish(size_t model, double reward) {
  Arm& arm = arms_.at(model);
  arm.in_flight = std::max<int64_t>(0, arm.in_flight - 1);
  Add(model, reward);
}

void ModelBandit::Add(size_t model, double reward) {
  Arm& arm = arms_.at(model);
  arm.finished += 1;
  arm.rewards += std::clamp(reward, 0.0, 1.0);
}

double ModelBandit::mean(size_t model) const {
  const Arm& arm = arms_.at(model);
  return arm.finished > 0 ? arm.rewards / static_cast<double>(arm.finished) : 0;
}

size_t ModelBandit::Ucb() const {
  int64_t total = 0;
  for (const Arm& arm : arms_) total += arm.finished + arm.in_flight;
  for (size_t i = 0; i < arms_.size(); ++i) {
    if (arms_[i].finished + arms_[i].in_flight == 0) return i;  // untried first
  }
  size_t best = 0;
  double best_value = -1;
  for (size_t i = 0; i < arms_.size(); ++i) {
    const double n = static_cast<double>(arms_[i].finished + arms_[i].in_flight);
    const double value = mean(i) + std::sqrt(2 * std::log(static_cast<double>(total)) / n);
    if (value > best_value) {
      best = i;
      best_value = value;
    }
  }
  return best;
}

double ChildReward(bool complete, double score, double parent_score) {
  if (!complete) return 0;
  return std::clamp(score - parent_score, 0.0, 1.0);
}

}  // namespace clade::model
