// Shared output of the commands: a snapshot of the variants with their outcomes on one
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

using archive::Outcome;
using archive::Variant;
using archive::VariantId;

// Everything tree, log and status show, loaded once. Plain data, so tests build it by hand.
struct Snapshot {
  std::vector<Variant> variants;  // index = id
  std::vector<Outcome> outcomes;  // index = id; empty outcomes when there is no benchmark
  std::vector<std::vector<VariantId>> children;  // index = id; every child, id order
  std::optional<std::string> benchmark;
  std::optional<VariantId> best;
};

// Builds a snapshot from plain data (fills children, and best from the outcomes).
Snapshot MakeSnapshot(std::vector<Variant> variants, std::vector<Outcome> outcomes,
                      std::optional<std::string> benchmark);

// Loads the snapshot of an open archive, with records of `benchmark_flag` (or the default).
Result<Snapshot> LoadSnapshot(archive::Archive& archive, const std::string& benchmark_flag);

// Status of a variant: the record's status, or "not_evaluated" without a record.
std::string StatusText(const Outcome& outcome);
// True if the variant has a record whose status is not "evaluated" (build_failed, timeout...).
bool IsFailed(const Outcome& outcome);
// "0.750", or "-" without a score.
std::string ScoreText(const Outcome& outcome);

// The object `tree`, `log` and `show` print for one variant: id, commit, tree, parents,
// children, status, score (null if none), summary, mutator, time, pruned, best.
nlohmann::json VariantJson(const Snapshot& snapshot, VariantId id);
// Every variant, id order.
nlohmann::json VariantListJson(const Snapshot& snapshot);

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
