#include "engine/report/model_usage.h"

#include <fmt/format.h>

namespace clade::report {

namespace {

ModelUsage& Entry(std::vector<ModelUsage>& usages, const std::string& name) {
  for (ModelUsage& usage : usages) {
    if (usage.name == name) return usage;
  }
  usages.push_back({.name = name});
  return usages.back();
}

int64_t Int(const nlohmann::json& object, const char* key) {
  auto found = object.find(key);
  return found != object.end() && found->is_number() ? found->get<int64_t>() : 0;
}

std::string Tokens(int64_t tokens) {
  if (tokens < 1000) return std::to_string(tokens);
  if (tokens < 1000000) return fmt::format("{:.1f}k", static_cast<double>(tokens) / 1e3);
  return fmt::format("{:.2f}M", static_cast<double>(tokens) / 1e6);
}

}  // namespace

Result<std::vector<ModelUsage>> ModelUsages(archive::Archive& archive, const std::string& benchmark,
                                            const std::vector<std::string>& names) {
  std::vector<ModelUsage> usages;
  for (const std::string& name : names) Entry(usages, name);
  const auto& summaries = *CLADE_TRY(archive.Summaries(benchmark));
  for (const archive::Variant& variant : archive.variants()) {
    if (variant.id == 0) continue;
    auto record = CLADE_TRY(archive.Record(variant.id, benchmark));
    if (!record) continue;
    const nlohmann::json mutation = record->value("mutation", nlohmann::json::object());
    if (!mutation.is_object() || !mutation.contains("model") || !mutation["model"].is_string()) {
      continue;
    }
    ModelUsage& usage = Entry(usages, mutation["model"].get<std::string>());
    usage.children += 1;
    usage.calls += Int(mutation, "calls");
    usage.tokens += Int(mutation, "tokens");
    auto cost = mutation.find("cost");
    if (cost != mutation.end() && cost->is_number()) usage.cost += cost->get<double>();
    const archive::RecordSummary& child = summaries[static_cast<size_t>(variant.id)];
    if (child.status == EvalStatus::kEvaluated && child.score && !variant.parents.empty()) {
      const archive::RecordSummary& parent = summaries[static_cast<size_t>(variant.parents[0])];
      if (parent.score && *child.score > *parent.score) usage.improvements += 1;
    }
  }
  return usages;
}

std::vector<std::string> EnsembleNames(const nlohmann::json& run_state) {
  std::vector<std::string> names;
  if (!run_state.is_object()) return names;
  const nlohmann::json fingerprint = run_state.value("fingerprint", nlohmann::json::object());
  if (!fingerprint.is_object() || !fingerprint.contains("models")) return names;
  const nlohmann::json listed = fingerprint["models"].value("names", nlohmann::json::array());
  for (const nlohmann::json& name : listed) {
    if (name.is_string()) names.push_back(name.get<std::string>());
  }
  return names;
}

nlohmann::json ModelUsageJson(const std::vector<ModelUsage>& usages) {
  nlohmann::json list = nlohmann::json::array();
  for (const ModelUsage& usage : usages) {
    list.push_back({{"name", usage.name},
                    {"children", usage.children},
                    {"improvements", usage.improvements},
                    {"calls", usage.calls},
                    {"tokens", usage.tokens},
                    {"cost", usage.cost}});
  }
  return list;
}

std::string ModelUsageLine(const ModelUsage& usage) {
  return fmt::format("{}: {} {} ({} better), {} calls, {} tokens, cost {:.4f}", usage.name,
                     usage.children, usage.children == 1 ? "child" : "children",
                     usage.improvements, usage.calls, Tokens(usage.tokens), usage.cost);
}

}  // namespace clade::report
