#include "engine/search/evaluation_store.h"

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
