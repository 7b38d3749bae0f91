// What `clade report` shows, gathered from an archive as JSON: a summary of every variant
// (inline in the page, small) and one detail object per variant (record, per-task results,
// mutation, logs of the mutation, diff against the first parent), loaded by the page only
// when the variant is clicked. The page's JavaScript (engine/report/page/report.js) reads
// exactly these fields; docs/report.md lists them.
//
// Thread safety: the functions use the Archive, so they run on the archive's thread.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "engine/report/model_usage.h"
#include "support/error.h"

namespace clade::report {

struct ReportOptions {
  // Records of this benchmark colour the tree; nullopt: no scores (every variant grey).
  std::optional<std::string> benchmark;
  // A diff longer than this is cut at a line boundary, and the detail says so.
  size_t diff_cap_bytes = 20 * 1024;
  // Each log shown in the page (mutation prompts and responses, a failed build's log) is
  // cut to this size, head and tail kept.
  size_t log_cap_bytes = 32 * 1024;
};

// The summary of the whole archive: title, benchmark, best variant and the path to it from
// the seed, counts by status, each model's usage (model_usage.h; `models`, empty for gi),
// and one small object per variant (id, parents, status, score, pruned, mutator, time,
// summary). `models` comes from `tally` when given (kept current by the caller), else
// from every record of the benchmark.
Result<nlohmann::json> SummaryJson(archive::Archive& archive, const ReportOptions& options,
                                   const ModelTally* tally = nullptr);

// The summary without its `variants`: what changes as a run goes on besides the variants
// themselves (best, best_path, counts, models, generated). `clade serve` sends it after
// each batch of events.
Result<nlohmann::json> SummaryHeadJson(archive::Archive& archive, const ReportOptions& options,
                                       const ModelTally* tally = nullptr);

// One variant's object of the summary's `variants`. REQUIRES: id < archive.size().
Result<nlohmann::json> VariantSummaryJson(archive::Archive& archive, archive::VariantId id,
                                          const ReportOptions& options);

// Everything the page's side panel shows for one variant. REQUIRES: id < archive.size().
Result<nlohmann::json> DetailJson(archive::Archive& archive, archive::VariantId id,
                                  const ReportOptions& options);

// A diff cut to at most `cap` bytes at a line boundary: {text, bytes (the whole size), cut}.
nlohmann::json CapDiff(std::string_view diff, size_t cap);

}  // namespace clade::report
