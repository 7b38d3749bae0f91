// The status and score of every record in one notes ref, read through a cache file.
//
// Reading 10,000 JSON notes from loose objects takes seconds, and every `clade tree` or
// `clade log` needs all of them. The cache (<archive>/clade-cache/<benchmark>.json) maps
// commit ids to record summaries and names the notes commit it reflects; a later load reads only
// the notes that changed since then (a tree diff). It is derived data: deleting it costs
// one full scan, a stale one is brought up to date, a damaged one is ignored. Internal to
// archive/.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <string_view>

#include "archive/git.h"
#include "archive/variant.h"
#include "support/error.h"

namespace clade::archive {

// The status and score a record's JSON text states. Errors: the text is not a JSON object,
// has no "status" text, or names a status that does not exist (support/eval_status.h).
Result<RecordSummary> ParseRecordSummary(std::string_view note);

// commit hex -> summary for every note on `notes_ref` (empty if the ref does not exist).
// Errors: a note that ParseRecordSummary refuses, naming its commit.
// Writes the refreshed cache to `cache_file` (atomically) when it changed; a failure to
// write it is ignored, since the cache only saves time.
Result<std::map<std::string, RecordSummary>> LoadRecordSummaries(
    git_repository* repo, const std::string& notes_ref, const std::filesystem::path& cache_file);

}  // namespace clade::archive
