#include "engine/cli/status_command.h"

#include <filesystem>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/report/model_usage.h"

namespace clade::cli {

namespace {

nlohmann::json BestJson(const ArchiveView& view) {
  if (!view.best) return nullptr;
  auto index = static_cast<size_t>(*view.best);
  const Variant& variant = view.variants.at(index);
  const RecordSummary& summary = view.summaries.at(index);
  nlohmann::json best = {{"id", variant.id},
                         {"score", *summary.score},
                         {"commit", variant.commit},
                         {"summary", variant.summary}};
  if (summary.confirmed) best["validation"] = VariantJson(view, variant.id)["validation"];
  return best;
}

}  // namespace

nlohmann::json StatusJson(const ArchiveView& view, const std::string& archive_path,
                          const std::vector<std::string>& benchmarks, const nlohmann::json& run,
                          const nlohmann::json& models) {
  int evaluated = 0, stopped_early = 0, duplicates = 0, failed = 0, pruned = 0;
  for (size_t i = 0; i < view.variants.size(); ++i) {
    const RecordSummary& outcome = view.summaries.at(i);
    if (outcome.status == EvalStatus::kEvaluated) ++evaluated;
    if (outcome.status == EvalStatus::kBelowThreshold) ++stopped_early;
    if (outcome.status == EvalStatus::kDuplicate) {
      ++duplicates;  // not evaluated by design: neither a failure nor pending
    } else if (IsFailed(outcome)) {
      ++failed;
    }
    if (view.variants[i].pruned) ++pruned;
  }
  int total = static_cast<int>(view.variants.size());
  return {
      {"archive", archive_path},
      {"variants", total},
      {"evaluated", evaluated},
      {"below_threshold", stopped_early},
      {"duplicate", duplicates},
      {"failed", failed},
      {"not_evaluated", total - evaluated - stopped_early - duplicates - failed},
      {"pruned", pruned},
      {"benchmark", view.benchmark ? nlohmann::json(*view.benchmark) : nlohmann::json(nullptr)},
      {"benchmarks", benchmarks},
      {"best", BestJson(view)},
      {"run", run},
      {"models", models},
  };
}

namespace {

// A JSON value on one line, cut to `cap` characters.
std::string Compact(const nlohmann::json& value, size_t cap = 70) {
  std::string text = value.is_string()
                         ? value.get<std::string>()
                         : value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  if (text.size() > cap) text = text.substr(0, cap - 3) + "...";
  return text;
}

// The best's validation as `clade tree` shows it, from its JSON.
std::string BestValidationText(const nlohmann::json& best) {
  if (!best.contains("validation")) return "";
  const nlohmann::json& validation = best["validation"];
  RecordSummary summary;
  summary.confirmed = validation.value("confirmed", false);
  if (validation["score"].is_number()) summary.validation_score = validation["score"].get<double>();
  if (validation["p_worse"].is_number()) summary.p_worse = validation["p_worse"].get<double>();
  return ValidationText(summary);
}

std::vector<std::vector<std::string>> RunRows(const nlohmann::json& run) {
  if (run.is_null()) return {{"run", "no run state (variants were added by hand)"}};
  if (!run.is_object()) return {{"run", Compact(run)}};
  std::vector<std::vector<std::string>> rows;
  for (const auto& [key, value] : run.items()) {
    rows.push_back({rows.empty() ? "run" : "", fmt::format("{}: {}", key, Compact(value))});
  }
  return rows;
}

}  // namespace

std::string RenderStatusText(const nlohmann::json& status) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"archive", status["archive"].get<std::string>()});
  rows.push_back(
      {"variants",
       fmt::format("{}  ({} evaluated, {} stopped early, {} duplicates, {} failed, {} not "
                   "evaluated, {} pruned)",
                   status["variants"].get<int>(), status["evaluated"].get<int>(),
                   status["below_threshold"].get<int>(), status["duplicate"].get<int>(),
                   status["failed"].get<int>(),
                   status["not_evaluated"].get<int>(), status["pruned"].get<int>())});
  auto benchmarks = status["benchmarks"].get<std::vector<std::string>>();
  std::string others = benchmarks.empty() ? "none" : fmt::format("{}", fmt::join(benchmarks, ", "));
  rows.push_back({"benchmark", fmt::format("{}  (records for: {})",
                                           status["benchmark"].is_null()
                                               ? std::string("-")
                                               : status["benchmark"].get<std::string>(),
                                           others)});
  const auto& best = status["best"];
  rows.push_back({"best", best.is_null() ? std::string("- (nothing evaluated)")
                                         : fmt::format("{}  {:.3f}{}  {}", best["id"].get<int>(),
                                                       best["score"].get<double>(),
                                                       BestValidationText(best),
                                                       best["summary"].get<std::string>())});
  bool first = true;
  for (const nlohmann::json& model : status.value("models", nlohmann::json::array())) {
    report::ModelUsage usage{.name = model["name"].get<std::string>(),
                             .children = model["children"].get<int64_t>(),
                             .improvements = model["improvements"].get<int64_t>(),
                             .calls = model["calls"].get<int64_t>(),
                             .tokens = model["tokens"].get<int64_t>(),
                             .cost = model["cost"].get<double>()};
    rows.push_back({first ? "models" : "", report::ModelUsageLine(usage)});
    first = false;
  }
  for (auto& row : RunRows(status["run"])) rows.push_back(std::move(row));
  return RenderTable(rows);
}

namespace {

struct StatusOptions {
  std::string archive;
  std::string benchmark;
  bool json = false;
};

Result<> RunStatus(const StatusOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  ArchiveView view = CLADE_TRY(LoadArchiveView(*archive, options.benchmark));
  auto benchmarks = CLADE_TRY(archive->Benchmarks());
  auto state = CLADE_TRY(archive->State());
  std::string path = std::filesystem::absolute(archive->path()).lexically_normal().string();
  nlohmann::json models = nlohmann::json::array();
  if (view.benchmark) {
    auto names = report::EnsembleNames(state ? *state : nlohmann::json(nullptr));
    models = report::ModelUsageJson(CLADE_TRY(report::ModelUsages(*archive, *view.benchmark, names)));
  }
  nlohmann::json status =
      StatusJson(view, path, benchmarks, state ? *state : nlohmann::json(nullptr), models);
  if (options.json) {
    PrintJson(status);
  } else {
    Print(RenderStatusText(status));
  }
  return {};
}

}  // namespace

Command RegisterStatusCommand(CLI::App& app) {
  auto options = std::make_shared<StatusOptions>();
  CLI::App* command =
      app.add_subcommand("status", "Summarise the archive: variants, best score, run state");
  AddArchiveOption(*command, &options->archive);
  AddBenchmarkOption(*command, &options->benchmark);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Counts variants (evaluated, failed, not evaluated, pruned) on the benchmark, names\n"
      "the best, and prints the run state (config, counters, budget spent) if a run wrote\n"
      "one.\n\n"
      "Examples:\n  clade status\n  clade status --archive runs/quickstart.git --json");
  return {command, [options] { return RunStatus(*options); }};
}

}  // namespace clade::cli
