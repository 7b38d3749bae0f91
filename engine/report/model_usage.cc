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

Result<> ModelTally::Update(archive::Archive& archive, const std::string& benchmark,
                           archive::VariantId id) {
  size_t at = static_cast<size_t>(id);
  if (spent_.size() <= at) spent_.resize(at + 1);
  spent_[at].reset();
  if (id == 0) return {};
  auto record = CLADE_TRY(archive.Record(id, benchmark));
  if (!record) return {};
  const nlohmann::json mutation = record->value("mutation", nlohmann::json::object());
  if (!mutation.is_object() || !mutation.contains("model") || !mutation["model"].is_string()) {
    return {};
  }
  Spent spent{.model = mutation["model"].get<std::string>(),
              .calls = Int(mutation, "calls"),
              .tokens = Int(mutation, "tokens")};
  auto cost = mutation.find("cost");
  if (cost != mutation.end() && cost->is_number()) spent.cost = cost->get<double>();
  spent_[at] = std::move(spent);
  return {};
}

Result<std::vector<ModelUsage>> ModelTally::Usages(archive::Archive& archive,
                                                   const std::string& benchmark,
                                                   const std::vector<std::string>& names) const {
  std::vector<ModelUsage> usages;
  for (const std::string& name : names) Entry(usages, name);
  const auto& summaries = *CLADE_TRY(archive.Summaries(benchmark));
  for (size_t id = 0; id < spent_.size() && id < archive.size(); ++id) {
    if (!spent_[id]) continue;
    const Spent& spent = *spent_[id];
    ModelUsage& usage = Entry(usages, spent.model);
    usage.children += 1;
    usage.calls += spent.calls;
    usage.tokens += spent.tokens;
    usage.cost += spent.cost;
    const archive::Variant& variant = archive.variant(static_cast<archive::VariantId>(id));
    const archive::RecordSummary& child = summaries[id];
    if (child.status == EvalStatus::kEvaluated && child.score && !variant.parents.empty()) {
      const archive::RecordSummary& parent = summaries[static_cast<size_t>(variant.parents[0])];
      if (parent.score && *child.score > *parent.score) usage.improvements += 1;
    }
  }
  return usages;
}

Result<std::vector<ModelUsage>> ModelUsages(archive::Archive& archive, const std::string& benchmark,
                                            const std::vector<std::string>& names) {
  ModelTally tally;
  for (const archive::Variant& variant : archive.variants()) {
    CLADE_TRY(tally.Update(archive, benchmark, variant.id));
  }
  return tally.Usages(archive, benchmark, names);
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
