#include "engine/search/evaluation_store.h"

#include <fmt/format.h>

namespace clade::search {

std::string EvaluationKey(const std::string& tree, const std::string& suite_hash,
                          size_t max_tasks, const std::vector<sandbox::Stage>& stages) {
  std::string key = fmt::format("{}:{}:{}", tree, suite_hash, max_tasks);
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

Result<> StoreEvaluationLogs(archive::Archive& archive, archive::VariantId id,
                             const sandbox::Evaluation& evaluation,
                             const std::map<std::string, std::string>& extra) {
  std::map<std::string, std::string> logs = extra;
  logs["build.log"] = evaluation.build.log;
  for (const sandbox::TaskOutcome& task : evaluation.tasks) {
    logs[fmt::format("eval/{}/{}.log", evaluation.suite, task.id)] = task.log;
  }
  return archive.AddLogs(id, logs);
}

}  // namespace clade::search
