#include "engine/cli/show_command.h"

#include <map>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/cli/output.h"
#include "support/strings.h"

namespace clade::cli {

namespace {

struct ShowOptions {
  std::string archive;
  std::string benchmark;
  std::string variant;
  bool diff = false;
  bool json = false;
};

// Everything show prints, gathered first so text and JSON print the same facts.
struct ShowData {
  ArchiveView view;
  VariantId id = 0;
  std::string message;
  std::map<std::string, nlohmann::json> records;  // benchmark -> record
  std::vector<std::string> logs;
  std::optional<std::string> diff;  // against the first parent, with --diff
};

Result<ShowData> Gather(archive::Archive& archive, const ShowOptions& options) {
  ShowData data;
  data.id = CLADE_TRY(ResolveVariant(archive, options.variant));
  data.view = CLADE_TRY(LoadArchiveView(archive, options.benchmark));
  data.message = CLADE_TRY(archive.Message(data.id));
  for (const std::string& benchmark : CLADE_TRY(archive.Benchmarks())) {
    auto record = CLADE_TRY(archive.Record(data.id, benchmark));
    if (record) data.records.emplace(benchmark, std::move(*record));
  }
  data.logs = CLADE_TRY(archive.LogPaths(data.id));
  const Variant& variant = archive.variant(data.id);
  if (options.diff && !variant.parents.empty()) {
    data.diff = CLADE_TRY(archive.Diff(variant.parents.front(), data.id));
  }
  return data;
}

const nlohmann::json* ChosenRecord(const ShowData& data) {
  if (!data.view.benchmark) return nullptr;
  auto it = data.records.find(*data.view.benchmark);
  return it == data.records.end() ? nullptr : &it->second;
}

nlohmann::json ShowJson(const ShowData& data, bool with_diff) {
  nlohmann::json json = VariantJson(data.view, data.id);
  json["benchmark"] =
      data.view.benchmark ? nlohmann::json(*data.view.benchmark) : nlohmann::json(nullptr);
  json["message"] = data.message;
  json["trailers"] = nlohmann::json::array();
  for (const auto& [key, value] : archive::MessageTrailers(data.message)) {
    json["trailers"].push_back({{"key", key}, {"value", value}});
  }
  const nlohmann::json* record = ChosenRecord(data);
  json["record"] = record ? *record : nlohmann::json(nullptr);
  json["records"] = nlohmann::json::object();
  for (const auto& [benchmark, value] : data.records) json["records"][benchmark] = value;
  json["logs"] = data.logs;
  if (with_diff) json["diff"] = data.diff ? nlohmann::json(*data.diff) : nlohmann::json(nullptr);
  return json;
}

std::string Indent(std::string_view text, std::string_view indent) {
  std::string out;
  for (const std::string& line : Split(Trim(text), '\n')) {
    out += line.empty() ? "\n" : fmt::format("{}{}\n", indent, line);
  }
  return out;
}

std::string HeaderText(const ShowData& data) {
  const ArchiveView& view = data.view;
  const Variant& variant = view.variants.at(static_cast<size_t>(data.id));
  const RecordSummary& outcome = view.summaries.at(static_cast<size_t>(data.id));
  auto list = [](const std::vector<VariantId>& ids) {
    return ids.empty() ? std::string("-") : fmt::format("{}", fmt::join(ids, ", "));
  };
  std::vector<std::vector<std::string>> rows = {
      {"variant", fmt::format("{}{}", data.id, view.best == data.id ? "  (best)" : "")},
      {"commit", variant.commit},
      {"parents", list(variant.parents)},
      {"children", list(view.children.at(static_cast<size_t>(data.id)))},
      {"time", FormatTime(variant.time)},
      {"mutator", variant.mutator.empty() ? "-" : variant.mutator},
      {"benchmark", view.benchmark.value_or("-")},
      {"status", StatusText(outcome)},
      {"score", ScoreText(outcome)},
      {"pruned", variant.pruned ? "yes" : "no"},
  };
  if (outcome.confirmed) {
    rows.insert(rows.end() - 1, {"validation", ValidationText(outcome).substr(1)});
  }
  return RenderTable(rows);
}

std::string ShowText(const ShowData& data, bool with_diff) {
  std::string out = HeaderText(data) + '\n' + Indent(data.message, "    ");
  for (const auto& [benchmark, record] : data.records) {
    out += fmt::format(
        "\nrecord ({}):\n{}", benchmark,
        Indent(record.dump(2, ' ', false, nlohmann::json::error_handler_t::replace), "  "));
  }
  if (data.records.empty()) out += "\nno evaluation records\n";
  if (!data.logs.empty()) out += fmt::format("\nlogs:\n  {}\n", fmt::join(data.logs, "\n  "));
  if (with_diff) {
    const Variant& variant = data.view.variants.at(static_cast<size_t>(data.id));
    if (data.diff) {
      out += fmt::format("\ndiff against variant {}:\n{}", variant.parents.front(), *data.diff);
    } else {
      out += fmt::format("\nvariant {} is a seed: it has no parent to diff against\n", data.id);
    }
  }
  return out;
}

Result<> RunShow(const ShowOptions& options) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kRead));
  ShowData data = CLADE_TRY(Gather(*archive, options));
  if (options.json) {
    PrintJson(ShowJson(data, options.diff));
  } else {
    Print(ShowText(data, options.diff));
  }
  return {};
}

}  // namespace

Result<nlohmann::json> ShowVariantJson(archive::Archive& archive, std::string_view variant,
                                       const std::string& benchmark_flag, bool with_diff) {
  ShowOptions options;
  options.variant = std::string(variant);
  options.benchmark = benchmark_flag;
  options.diff = with_diff;
  ShowData data = CLADE_TRY(Gather(archive, options));
  return ShowJson(data, with_diff);
}

Command RegisterShowCommand(CLI::App& app) {
  auto options = std::make_shared<ShowOptions>();
  CLI::App* command =
      app.add_subcommand("show", "Show a variant: record, mutation, diff against its parent");
  command->add_option("VARIANT", options->variant, "An id, 'seed', 'best' or a commit prefix")
      ->required();
  command->add_flag("--diff", options->diff, "Also print the diff against the first parent");
  AddArchiveOption(*command, &options->archive);
  AddBenchmarkOption(*command, &options->benchmark);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Prints the variant's lineage, status and score on the benchmark, its commit message\n"
      "(what the mutation did, then trailers such as Clade-Mutator), every evaluation\n"
      "record it has, and the paths of its stored logs.\n\n"
      "Examples:\n  clade show best --diff\n  clade show 12 --json | jq .record");
  return {command, [options] { return RunShow(*options); }};
}

}  // namespace clade::cli
