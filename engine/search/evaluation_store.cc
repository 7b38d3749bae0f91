#include "engine/search/evaluation_store.h"

#include <algorithm>
#include <charconv>
#include <system_error>

#include <fmt/format.h>

#include "support/hash.h"

namespace clade::search {
namespace {

// The mutation as the trailers tell it, or null when they do not name a mutator.
nlohmann::json FromTrailers(const std::string& message) {
  nlohmann::json mutation = nlohmann::json::object();
  nlohmann::json edits = nlohmann::json::array();
  for (const auto& [key, value] : archive::MessageTrailers(message)) {
    if (key == "Clade-Mutator") mutation["mutator"] = value;
    if (key == "Clade-Seed" || key == "Clade-Donor") {
      uint64_t number = 0;
      auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), number);
      if (error == std::errc() && end == value.data() + value.size()) {
        mutation[key == "Clade-Seed" ? "seed" : "donor"] = number;
      }
    }
    if (key == "Clade-Edit") {
      nlohmann::json edit = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
      if (!edit.is_discarded()) edits.push_back(std::move(edit));
    }
  }
  if (!mutation.contains("mutator")) return nullptr;
  if (!edits.empty()) mutation["edits"] = std::move(edits);
  return mutation;
}

}  // namespace

std::string EvaluationKey(const std::string& tree, const std::string& suite_hash, size_t max_tasks,
                          const std::vector<sandbox::Stage>& stages,
                          const std::optional<std::map<std::string, double>>& parent_scores,
                          const sandbox::Repeats& repeats) {
  std::string key = fmt::format("{}:{}:{}", tree, suite_hash, max_tasks);
  if (repeats.count > 1) key += fmt::format(":x{}{}", repeats.count, repeats.adaptive ? "a" : "");
  if (parent_scores) {
    ContentHash hash;
    for (const auto& [id, score] : *parent_scores) hash.Add(id).Add(fmt::format("{}", score));
    return key + ":gate@" + hash.Hex();
  }
  for (const sandbox::Stage& stage : stages) {
    key += fmt::format(":{}@{}", stage.tasks, stage.threshold);
  }
  return key;
}

Result<std::optional<nlohmann::json>> FindEvaluation(archive::Archive& archive,
                                                     const std::string& tree,
                                                     const std::string& suite,
                                                     const std::string& key) {
  for (const archive::Variant& other : archive.variants()) {
    if (other.tree != tree) continue;
    auto record = CLADE_TRY(archive.Record(other.id, suite));
    if (record && record->value("cache_key", "") == key) return record;
  }
  return std::optional<nlohmann::json>();
}

nlohmann::json MakeRecord(const archive::Variant& variant, const sandbox::Evaluation& evaluation,
                          const std::string& key) {
  nlohmann::json record = evaluation.ToRecord();
  record["variant"] = variant.id;
  record["parents"] = variant.parents;
  record["tree"] = variant.tree;
  record["cache_key"] = key;
  return record;
}

Result<std::vector<sandbox::TaskResult>> TasksOfRecord(const nlohmann::json& record) {
  std::vector<sandbox::TaskResult> tasks;
  try {
    for (const nlohmann::json& item : record.at("tasks")) {
      sandbox::TaskResult task;
      task.id = item.at("id").get<std::string>();
      task.score = item.at("score").get<double>();
      task.status = item.at("status").get<std::string>();
      task.seconds = item.value("seconds", 0.0);
      task.cpu_seconds = item.value("cpu_seconds", 0.0);
      task.passed = item.value("passed", 0);
      task.failed = item.value("failed", 0);
      task.repeat_scores = item.value("scores", std::vector<double>{});
      if (item.contains("visible")) {
        task.visible = sandbox::CaseCounts{item["visible"].value("passed", 0),
                                           item["visible"].value("failed", 0)};
      }
      tasks.push_back(std::move(task));
    }
  } catch (const nlohmann::json::exception& e) {
    return FailAs(ErrorKind::kUsage, "the record of variant {} has no valid task list: {}",
                  record.value("variant", -1), e.what());
  }
  return tasks;
}

namespace {

// Adds `more`'s numbers (tokens, cost, calls) to `sum`'s; `sum` takes `more` when null.
void AddModelUse(nlohmann::json& sum, const nlohmann::json& more) {
  if (more.is_null()) return;
  if (!sum.is_object()) {
    sum = more;
    return;
  }
  for (const auto& [name, value] : more.items()) {
    if (value.is_number() && sum.value(name, nlohmann::json()).is_number()) {
      sum[name] = sum[name].get<double>() + value.get<double>();
    }
  }
}

}  // namespace

Result<nlohmann::json> AddTaskRun(const nlohmann::json& record, const sandbox::Evaluation& next,
                                  size_t suite_tasks, const std::string& key) {
  sandbox::Evaluation merged = next;
  merged.tasks = CLADE_TRY(TasksOfRecord(record));
  merged.tasks.insert(merged.tasks.end(), next.tasks.begin(), next.tasks.end());
  std::sort(merged.tasks.begin(), merged.tasks.end(),
            [](const sandbox::TaskResult& a, const sandbox::TaskResult& b) { return a.id < b.id; });
  merged.suite_tasks = suite_tasks;
  merged.stage_reached = merged.stages = 1;
  const nlohmann::json& timings = record.value("timings", nlohmann::json::object());
  merged.eval_seconds += timings.value("eval_seconds", 0.0);
  bool complete = merged.tasks.size() >= suite_tasks;
  if (WasScored(next.status)) {
    double sum = 0;
    for (const sandbox::TaskResult& task : merged.tasks) sum += task.score;
    merged.score = merged.tasks.empty() ? 0 : sum / static_cast<double>(merged.tasks.size());
    merged.status = complete ? EvalStatus::kEvaluated : EvalStatus::kBelowThreshold;
  }
  merged.score_stderr = sandbox::ScoreStderr(merged.tasks);
  merged.model = record.value("model", nlohmann::json());
  AddModelUse(merged.model, next.model);
  nlohmann::json updated = record;
  updated.erase("score_stderr");  // ToRecord writes it again when there is one
  updated.update(merged.ToRecord());
  updated["cache_key"] = complete && WasScored(next.status) ? key : key + ":partial";
  return updated;
}

Result<nlohmann::json> MutationRecord(archive::Archive& archive, const archive::Variant& variant) {
  if (auto log = CLADE_TRY(archive.Log(variant.id, "mutation/record.json"))) {
    nlohmann::json record = nlohmann::json::parse(*log, nullptr, /*allow_exceptions=*/false);
    if (record.is_object()) return record;
  }
  for (const std::string& benchmark : CLADE_TRY(archive.Benchmarks())) {
    auto record = CLADE_TRY(archive.Record(variant.id, benchmark));
    if (!record || !record->contains("mutation")) continue;
    const nlohmann::json& mutation = (*record)["mutation"];
    if (mutation.is_object() && mutation.size() > 1) return mutation;
  }
  if (nlohmann::json mutation = FromTrailers(CLADE_TRY(archive.Message(variant.id)));
      !mutation.is_null()) {
    return mutation;
  }
  return nlohmann::json{{"mutator", variant.mutator}};
}

std::map<std::string, std::string> TaskLogs(const sandbox::Evaluation& evaluation) {
  std::map<std::string, std::string> logs;
  for (const sandbox::TaskResult& task : evaluation.tasks) {
    logs[fmt::format("eval/{}/{}.log", evaluation.suite, task.id)] = task.log;
  }
  return logs;
}

Result<> StoreEvaluationLogs(archive::Archive& archive, archive::VariantId id,
                             const sandbox::Evaluation& evaluation,
                             const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> logs = extra;
  logs["build.log"] = evaluation.build.log;
  logs.merge(TaskLogs(evaluation));
  return archive.AddLogs(id, logs);
}

}  // namespace clade::search
