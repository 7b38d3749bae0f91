#include "engine/cli/log_command.h"

#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

namespace clade::cli {

namespace {

std::vector<std::string> LogRow(const ArchiveView& view, const Variant& variant) {
  const RecordSummary& outcome = view.summaries.at(static_cast<size_t>(variant.id));
  std::string parents =
      variant.parents.empty() ? "-" : fmt::format("{}", fmt::join(variant.parents, ","));
  std::string summary = variant.summary;
  if (variant.pruned) summary += "  [pruned]";
  return {std::to_string(variant.id), FormatTime(variant.time), parents,
          StatusText(outcome),        ScoreText(outcome),       summary};
}

}  // namespace

std::string RenderLogText(const ArchiveView& view) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"id", "time", "parents", "status", "score", "summary"});
  for (const Variant& variant : view.variants) rows.push_back(LogRow(view, variant));
  return RenderTable(rows);
}

namespace {

struct LogOptions {
  std::string archive;
  std::string benchmark;
  bool json = false;
};

Result<> RunLog(const LogOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  ArchiveView view = CLADE_TRY(LoadArchiveView(*archive, options.benchmark));
  if (options.json) {
    PrintJson(VariantListJson(view));
  } else {
    Print(RenderLogText(view));
  }
  return {};
}

}  // namespace

Command RegisterLogCommand(CLI::App& app) {
  auto options = std::make_shared<LogOptions>();
  CLI::App* command = app.add_subcommand("log", "List the variants in order with scores");
  AddArchiveOption(*command, &options->archive);
  AddBenchmarkOption(*command, &options->benchmark);
  AddJsonOption(*command, &options->json);
  command->footer(
      "One line per variant, in the order they were added: id, time, parent ids, status\n"
      "(not_evaluated without a record), score on the benchmark, and summary.\n\n"
      "Examples:\n  clade log --archive runs/quickstart.git\n"
      "  clade log --json | jq '.[] | select(.score != null)'");
  return {command, [options] { return RunLog(*options); }};
}

}  // namespace clade::cli
