#include "engine/cli/output.h"

#include <algorithm>
#include <ctime>
#include <iostream>

#include <fmt/format.h>

#include "engine/cli/command.h"
#include "support/eval_status.h"

namespace clade::cli {

namespace {

std::vector<std::vector<VariantId>> ChildrenLists(const std::vector<Variant>& variants) {
  std::vector<std::vector<VariantId>> children(variants.size());
  for (const Variant& variant : variants) {
    for (VariantId parent : variant.parents) {
      auto index = static_cast<size_t>(parent);
      if (index < children.size()) children[index].push_back(variant.id);
    }
  }
  return children;
}

}  // namespace

ArchiveView MakeArchiveView(std::vector<Variant> variants, std::vector<RecordSummary> outcomes,
                            std::optional<std::string> benchmark) {
  ArchiveView view;
  outcomes.resize(variants.size());
  view.children = ChildrenLists(variants);
  view.best = archive::BestOf(outcomes);
  view.variants = std::move(variants);
  view.summaries = std::move(outcomes);
  view.benchmark = std::move(benchmark);
  return view;
}

Result<ArchiveView> LoadArchiveView(archive::Archive& archive, const std::string& benchmark_flag) {
  auto benchmark = CLADE_TRY(ChooseBenchmark(archive, benchmark_flag));
  std::vector<RecordSummary> outcomes;
  if (benchmark) outcomes = *CLADE_TRY(archive.Summaries(*benchmark));
  return MakeArchiveView(archive.variants(), std::move(outcomes), std::move(benchmark));
}

bool IsFailed(const RecordSummary& outcome) {
  return outcome.status && !WasScored(*outcome.status);
}

std::string ScoreText(const RecordSummary& outcome) {
  if (!outcome.score) return "-";
  if (!outcome.score_stderr) return fmt::format("{:.3f}", *outcome.score);
  return fmt::format("{:.3f} ± {:.3f}", *outcome.score, *outcome.score_stderr);
}

std::string RepeatsText(const std::vector<double>& scores) {
  if (scores.empty()) return "";
  std::string text = " (runs";
  for (double score : scores) text += fmt::format(" {:.3f}", score);
  return text + ")";
}

std::string ValidationText(const RecordSummary& outcome) {
  if (!outcome.confirmed) return "";
  std::string text = "validation " + (outcome.validation_score
                                          ? fmt::format("{:.3f}", *outcome.validation_score)
                                          : std::string("-"));
  if (outcome.p_worse) text += fmt::format(", p {:.2g}", *outcome.p_worse);
  if (!*outcome.confirmed) text += ": not confirmed";
  return " (" + text + ")";
}

nlohmann::json VariantJson(const ArchiveView& view, VariantId id) {
  auto index = static_cast<size_t>(id);
  const Variant& variant = view.variants.at(index);
  const RecordSummary& outcome = view.summaries.at(index);
  nlohmann::json json = {
      {"id", variant.id},
      {"commit", variant.commit},
      {"tree", variant.tree},
      {"parents", variant.parents},
      {"children", view.children.at(index)},
      {"status", StatusText(outcome)},
      {"score", outcome.score ? nlohmann::json(*outcome.score) : nlohmann::json(nullptr)},
      {"summary", variant.summary},
      {"mutator", variant.mutator},
      {"time", variant.time},
      {"pruned", variant.pruned},
      {"best", view.best == id},
  };
  if (outcome.confirmed) {
    json["validation"] = {{"confirmed", *outcome.confirmed},
                          {"score", outcome.validation_score
                                        ? nlohmann::json(*outcome.validation_score)
                                        : nlohmann::json(nullptr)},
                          {"p_worse", outcome.p_worse ? nlohmann::json(*outcome.p_worse)
                                                      : nlohmann::json(nullptr)}};
  }
  if (outcome.score_stderr) json["score_stderr"] = *outcome.score_stderr;
  return json;
}

nlohmann::json VariantListJson(const ArchiveView& view) {
  nlohmann::json list = nlohmann::json::array();
  for (const Variant& variant : view.variants) {
    list.push_back(VariantJson(view, variant.id));
  }
  return list;
}

std::string FormatTime(int64_t seconds) {
  std::time_t time = static_cast<std::time_t>(seconds);
  std::tm local{};
  localtime_r(&time, &local);
  char text[32];
  size_t length = std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &local);
  return std::string(text, length);
}

size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string RenderTable(const std::vector<std::vector<std::string>>& rows) {
  std::vector<size_t> widths;
  for (const auto& row : rows) {
    if (widths.size() < row.size()) widths.resize(row.size(), 0);
    for (size_t i = 0; i < row.size(); ++i) {
      widths[i] = std::max(widths[i], DisplayWidth(row[i]));
    }
  }
  std::string out;
  for (const auto& row : rows) {
    for (size_t i = 0; i < row.size(); ++i) {
      out += row[i];
      if (i + 1 == row.size()) break;
      out.append(widths[i] - DisplayWidth(row[i]) + 2, ' ');
    }
    out += '\n';
  }
  return out;
}

void PrintJson(const nlohmann::json& value) {
  std::cout << value.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
}

void Print(std::string_view text) {
  std::cout << text;
}

}  // namespace clade::cli
