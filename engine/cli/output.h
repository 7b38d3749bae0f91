// Shared output of the commands: a view of the variants with their record summaries on one
// benchmark, variant-to-JSON, score and status text, times, and aligned tables.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "archive/variant.h"
#include "support/error.h"

namespace clade::cli {

using archive::RecordSummary;
using archive::Variant;
using archive::VariantId;

// Everything tree, log and status show, loaded once. Plain data, so tests build it by hand.
struct ArchiveView {
  std::vector<Variant> variants;  // index = id
  std::vector<RecordSummary> summaries;          // index = id; empty when there is no benchmark
  std::vector<std::vector<VariantId>> children;  // index = id; every child, id order
  std::optional<std::string> benchmark;
  std::optional<VariantId> best;
};

// Builds a view from plain data (fills children, and best from the outcomes).
ArchiveView MakeArchiveView(std::vector<Variant> variants, std::vector<RecordSummary> outcomes,
                            std::optional<std::string> benchmark);

// Loads the view of an open archive, with records of `benchmark_flag` (or the default).
Result<ArchiveView> LoadArchiveView(archive::Archive& archive, const std::string& benchmark_flag);

// Status of a variant: the record's status, or "not_evaluated" without a record.
using archive::StatusText;
// True if the variant has a record whose status scores nothing (build_failed, tampered...).
bool IsFailed(const RecordSummary& outcome);
// "0.750", "0.750 ± 0.012" when tasks were repeated (the score's standard error), or "-"
// without a score.
std::string ScoreText(const RecordSummary& outcome);
// " (runs 1.000 0.500 1.000)" for a task run more than once (evaluation.repeats); "" else.
std::string RepeatsText(const std::vector<double>& scores);

// " (validation 0.800, p 0.50)", " (validation 0.400, p 0.016: not confirmed)" for a
// validated record (docs/evaluation.md, "Validation"); "" for one that is not.
std::string ValidationText(const RecordSummary& outcome);

// The object `tree`, `log` and `show` print for one variant: id, commit, tree, parents,
// children, status, score (null if none), summary, mutator, time, pruned, best;
// `validation` {confirmed, score, p_worse} when its record was validated; `score_stderr`
// when its tasks were repeated.
nlohmann::json VariantJson(const ArchiveView& view, VariantId id);
// Every variant, id order.
nlohmann::json VariantListJson(const ArchiveView& view);

// Local time as "2024-05-01 13:45:10".
std::string FormatTime(int64_t seconds);

// Number of terminal columns a UTF-8 string takes (one per code point).
size_t DisplayWidth(std::string_view text);

// Rows as columns padded to the widest cell, separated by two spaces; the last column is
// not padded. Every line ends with '\n'.
std::string RenderTable(const std::vector<std::vector<std::string>>& rows);

// Prints JSON (indented) and a newline to stdout.
void PrintJson(const nlohmann::json& value);

// Prints text to stdout as is.
void Print(std::string_view text);

}  // namespace clade::cli
