// Writing a report directory: DIR/index.html, DIR/variants/<id>.js (one per variant) and
// DIR/.clade-report (a marker, so a later report may replace the directory).
//
// Nothing is ever half-written: the report is built in a hidden sibling directory and
// swapped in with one rename (renameat2 RENAME_EXCHANGE when DIR exists), so DIR holds
// the old report or the new one, never a mix. A DIR that exists and is neither empty nor
// a report is refused, so `-o .` never deletes anyone's files.
#pragma once

#include <cstddef>
#include <filesystem>
#include <functional>

#include "archive/archive.h"
#include "engine/report/report_data.h"
#include "support/error.h"

namespace clade::report {

namespace fs = std::filesystem;

struct WrittenReport {
  fs::path index;       // DIR/index.html
  size_t variants = 0;  // variants in it
  size_t bytes = 0;     // total size of the files written
};

// Called after each variant's detail file is written (done counts from 1).
using Progress = std::function<void(size_t done, size_t total)>;

// The name of the marker file that says a directory is a clade report.
inline constexpr const char* kMarkerFile = ".clade-report";

// Writes the report of `archive` into `dir`. Errors: kUsage if `dir` exists and is not an
// empty directory or an earlier report; kFailure on I/O errors (the message names the path).
Result<WrittenReport> WriteReport(archive::Archive& archive, const fs::path& dir,
                                  const ReportOptions& options, const Progress& progress = {});

}  // namespace clade::report
