#include "engine/report/report_data.h"

#include <ctime>
#include <map>

#include <fmt/format.h>

#include "engine/report/model_usage.h"
#include "support/strings.h"

namespace clade::report {

namespace {

using archive::RecordSummary;
using archive::Variant;
using archive::VariantId;

// The run's name from its state, else the archive's file name without ".git".
Result<std::string> RunName(archive::Archive& archive) {
  auto state = CLADE_TRY(archive.State());
  if (state && state->is_object()) {
    if (state->contains("name") && (*state)["name"].is_string()) {
      return (*state)["name"].get<std::string>();
    }
    auto run = state->find("run");
    if (run != state->end() && run->is_object() && run->contains("name") &&
        (*run)["name"].is_string()) {
      return (*run)["name"].get<std::string>();
    }
  }
  std::string name = archive.path().filename().string();
  if (name.empty()) name = archive.path().parent_path().filename().string();
  if (name.size() > 4 && name.ends_with(".git")) name.resize(name.size() - 4);
  return name;
}

std::string NowText() {
  std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return text;
}

nlohmann::json VariantSummary(const Variant& variant, const RecordSummary& outcome) {
  nlohmann::json summary = {{"id", variant.id},
          {"parents", variant.parents},
          {"status", archive::StatusText(outcome)},
          {"score", outcome.score ? nlohmann::json(*outcome.score) : nlohmann::json(nullptr)},
          {"pruned", variant.pruned},
          {"mutator", variant.mutator},
          {"time", variant.time},
          {"summary", variant.summary}};
  if (outcome.score_stderr) summary["score_stderr"] = *outcome.score_stderr;
  return summary;
}

}  // namespace

nlohmann::json CapDiff(std::string_view diff, size_t cap) {
  if (diff.size() <= cap) return {{"text", diff}, {"bytes", diff.size()}, {"cut", false}};
  // Cut after the last complete line that fits, so no line (or UTF-8 sequence) is split.
  size_t end = diff.rfind('\n', cap == 0 ? 0 : cap - 1);
  end = end == std::string_view::npos ? 0 : end + 1;
  return {{"text", diff.substr(0, end)}, {"bytes", diff.size()}, {"cut", true}};
}

Result<nlohmann::json> SummaryHeadJson(archive::Archive& archive, const ReportOptions& options,
                                       const ModelTally* tally) {
  std::vector<RecordSummary> outcomes(archive.size());
  std::optional<VariantId> best;
  nlohmann::json models = nlohmann::json::array();
  if (options.benchmark) {
    outcomes = *CLADE_TRY(archive.Summaries(*options.benchmark));
    best = CLADE_TRY(archive.Best(*options.benchmark));
    auto state = CLADE_TRY(archive.State());
    auto names = EnsembleNames(state ? *state : nlohmann::json());
    std::vector<ModelUsage> usages =
        tally ? CLADE_TRY(tally->Usages(archive, *options.benchmark, names))
              : CLADE_TRY(ModelUsages(archive, *options.benchmark, names));
    models = ModelUsageJson(usages);
  }
  std::map<std::string, int> counts;
  for (size_t id = 0; id < archive.size(); ++id) ++counts[archive::StatusText(outcomes.at(id))];
  return nlohmann::json{
      {"format", 1},
      {"run", CLADE_TRY(RunName(archive))},
      {"archive", archive.path().string()},
      {"benchmark", options.benchmark ? nlohmann::json(*options.benchmark) : nlohmann::json()},
      {"benchmarks", CLADE_TRY(archive.Benchmarks())},
      {"generated", NowText()},
      {"best", best ? nlohmann::json(*best) : nlohmann::json()},
      {"best_path", best ? archive.Lineage(*best) : std::vector<VariantId>{}},
      {"counts", counts},
      {"models", std::move(models)}};
}

Result<nlohmann::json> VariantSummaryJson(archive::Archive& archive, VariantId id,
                                          const ReportOptions& options) {
  RecordSummary outcome;
  if (options.benchmark) {
    const auto& outcomes = *CLADE_TRY(archive.Summaries(*options.benchmark));
    if (static_cast<size_t>(id) < outcomes.size()) outcome = outcomes[static_cast<size_t>(id)];
  }
  return VariantSummary(archive.variant(id), outcome);
}

Result<nlohmann::json> SummaryJson(archive::Archive& archive, const ReportOptions& options,
                                   const ModelTally* tally) {
  nlohmann::json summary = CLADE_TRY(SummaryHeadJson(archive, options, tally));
  std::vector<RecordSummary> outcomes(archive.size());
  if (options.benchmark) outcomes = *CLADE_TRY(archive.Summaries(*options.benchmark));
  nlohmann::json variants = nlohmann::json::array();
  for (const Variant& variant : archive.variants()) {
    variants.push_back(VariantSummary(variant, outcomes.at(static_cast<size_t>(variant.id))));
  }
  summary["variants"] = std::move(variants);
  return summary;
}

namespace {

// The mutation as the commit and the record tell it: the Clade-Mutator and Clade-Seed
// trailers, one JSON edit per Clade-Edit trailer (kept as text if it is not JSON), and
// the record's "mutation" field. Any of them may be missing.
nlohmann::json MutationJson(const std::vector<std::pair<std::string, std::string>>& trailers,
                            const nlohmann::json& record) {
  nlohmann::json mutation = {{"mutator", nullptr},
                             {"seed", nullptr},
                             {"edits", nlohmann::json::array()},
                             {"record", nullptr}};
  for (const auto& [key, value] : trailers) {
    if (key == "Clade-Mutator") mutation["mutator"] = value;
    if (key == "Clade-Seed") mutation["seed"] = value;
    if (key == "Clade-Edit") {
      nlohmann::json edit = nlohmann::json::parse(value, nullptr, /*allow_exceptions=*/false);
      mutation["edits"].push_back(edit.is_discarded() ? nlohmann::json(value) : edit);
    }
  }
  if (record.is_object() && record.contains("mutation")) mutation["record"] = record["mutation"];
  return mutation;
}

// Logs worth showing inline: what the mutator stored (prompts, responses under
// "mutation/") and the build log of a variant that did not build. Task logs of every
// variant would make the report as big as the archive; they are listed by path only.
bool ShowLogInline(std::string_view path, std::optional<EvalStatus> status) {
  return path.starts_with("mutation/") ||
         (path == "build.log" && status && IsBuildFailure(*status));
}

}  // namespace

Result<nlohmann::json> DetailJson(archive::Archive& archive, VariantId id,
                                  const ReportOptions& options) {
  const Variant& variant = archive.variant(id);
  std::string message = CLADE_TRY(archive.Message(id));
  auto trailers = archive::MessageTrailers(message);
  nlohmann::json record;
  nlohmann::json others = nlohmann::json::object();  // benchmark -> {status, score}
  for (const std::string& benchmark : CLADE_TRY(archive.Benchmarks())) {
    auto found = CLADE_TRY(archive.Record(id, benchmark));
    if (!found) continue;
    if (options.benchmark == benchmark) {
      record = std::move(*found);
    } else {
      others[benchmark] = {{"status", found->value("status", nlohmann::json())},
                           {"score", found->value("score", nlohmann::json())}};
    }
  }
  std::optional<EvalStatus> status;
  if (record.is_object()) {
    archive::RecordSummary summary = CLADE_TRY(archive::SummaryOfRecord(record));
    status = summary.status;
  }
  nlohmann::json logs = nlohmann::json::array();
  std::vector<std::string> log_paths = CLADE_TRY(archive.LogPaths(id));
  for (const std::string& path : log_paths) {
    if (!ShowLogInline(path, status)) continue;
    auto text = CLADE_TRY(archive.Log(id, path));
    if (!text) continue;
    logs.push_back({{"path", path},
                    {"text", CapText(*text, options.log_cap_bytes)},
                    {"cut", text->size() > options.log_cap_bytes}});
  }
  nlohmann::json trailer_list = nlohmann::json::array();
  for (const auto& [key, value] : trailers)
    trailer_list.push_back({{"key", key}, {"value", value}});
  nlohmann::json diff;
  if (!variant.parents.empty()) {
    std::string text = CLADE_TRY(archive.Diff(variant.parents.front(), id));
    diff = CapDiff(text, options.diff_cap_bytes);
    diff["parent"] = variant.parents.front();
  }
  return nlohmann::json{{"id", id},
                        {"commit", variant.commit},
                        {"tree", variant.tree},
                        {"parents", variant.parents},
                        {"children", archive.Children(id)},
                        {"message", message},
                        {"trailers", std::move(trailer_list)},
                        {"mutation", MutationJson(trailers, record)},
                        {"record", std::move(record)},
                        {"other_records", std::move(others)},
                        {"logs", std::move(logs)},
                        {"log_paths", std::move(log_paths)},
                        {"diff", std::move(diff)}};
}

}  // namespace clade::report
