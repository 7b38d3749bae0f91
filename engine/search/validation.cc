#include "engine/search/validation.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "sandbox/evaluator.h"
#include "support/hash.h"

namespace clade::search {

namespace {

std::map<std::string, double> TaskScores(const nlohmann::json& record) {
  std::map<std::string, double> scores;
  for (const auto& task : record.value("tasks", nlohmann::json::array())) {
    scores[task.value("id", "")] = task.value("score", 0.0);
  }
  return scores;
}

double Mean(const std::vector<double>& values) {
  if (values.empty()) return 0;
  double sum = 0;
  for (double value : values) sum += value;
  return sum / static_cast<double>(values.size());
}

}  // namespace

Result<SplitSuite> HoldOut(const sandbox::Suite& suite, double fraction, uint64_t seed) {
  size_t n = suite.tasks.size();
  if (n < 2) {
    return FailAs(ErrorKind::kUsage,
                  "{}: a validation fraction needs a suite of at least two tasks, it has {}",
                  suite.dir.string(), n);
  }
  auto held = static_cast<size_t>(std::lround(fraction * static_cast<double>(n)));
  held = std::clamp<size_t>(held, 1, n - 1);
  std::vector<std::pair<std::string, std::string>> order;  // (hash, id)
  for (const sandbox::Task& task : suite.tasks) {
    order.emplace_back(ContentHash().Add(std::to_string(seed)).Add(task.id).Hex(), task.id);
  }
  std::sort(order.begin(), order.end());
  std::set<std::string> out;
  for (size_t i = 0; i < held; ++i) out.insert(order[i].second);
  SplitSuite split{suite, suite};
  split.selection.tasks.clear();
  split.validation.tasks.clear();
  split.validation.name = suite.name + "-validation";
  for (const sandbox::Task& task : suite.tasks) {
    (out.count(task.id) ? split.validation : split.selection).tasks.push_back(task);
  }
  return split;
}

Result<std::string> TasksHash(const sandbox::Suite& suite) {
  ContentHash hash;
  hash.Add(CLADE_TRY(sandbox::SuiteHash(suite)));
  for (const sandbox::Task& task : suite.tasks) hash.Add(task.id);
  return hash.Hex();
}

nlohmann::json Validation::ToJson() const {
  nlohmann::json json = {{"benchmark", benchmark}, {"confirmed", confirmed}};
  if (!error.empty()) {
    json["error"] = error;
    return json;
  }
  json["tasks"] = tasks;
  json["score"] = score;
  if (parent) {
    json["parent"] = *parent;
    json["parent_score"] = parent_score;
    json["test"] = std::string(selection::PairedTestName(test));
    json["alpha"] = alpha;
    json["better"] = comparison.better;
    json["worse"] = comparison.worse;
    json["ties"] = comparison.ties;
    json["p_worse"] = comparison.p_worse;
  }
  return json;
}

Validation Validate(const nlohmann::json& child, const nlohmann::json* parent,
                    std::optional<archive::VariantId> parent_id, const ValidationSetup& setup) {
  Validation validation;
  validation.benchmark = setup.benchmark;
  validation.test = setup.test;
  validation.alpha = setup.alpha;
  std::map<std::string, double> mine = TaskScores(child);
  std::map<std::string, double> theirs = parent ? TaskScores(*parent) : mine;
  std::set<std::string> ids;
  for (const auto& [id, score] : mine) ids.insert(id);
  for (const auto& [id, score] : theirs) ids.insert(id);
  std::vector<double> child_scores;
  std::vector<double> parent_scores;
  for (const std::string& id : ids) {
    child_scores.push_back(mine.count(id) ? mine[id] : 0.0);
    parent_scores.push_back(theirs.count(id) ? theirs[id] : 0.0);
  }
  validation.tasks = ids.size();
  validation.score = Mean(child_scores);
  if (!parent) {
    validation.confirmed = true;  // the seed: the baseline itself
    return validation;
  }
  validation.parent = parent_id;
  validation.parent_score = Mean(parent_scores);
  validation.comparison = selection::ComparePaired(child_scores, parent_scores, setup.test);
  validation.confirmed = validation.comparison.p_worse >= setup.alpha;
  return validation;
}

Validation FailedValidation(const ValidationSetup& setup, std::string error) {
  Validation validation;
  validation.benchmark = setup.benchmark;
  validation.test = setup.test;
  validation.alpha = setup.alpha;
  validation.error = std::move(error);
  return validation;
}

}  // namespace clade::search
