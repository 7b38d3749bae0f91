// `clade report [--archive A] [-o DIR] [--benchmark B]`: writes DIR/index.html, a page of
// the run that opens from disk with no network: the lineage tree coloured by score, the
// best score over the children evaluated, and each variant's record, mutation and diff on
// click (engine/report/, docs/report.md).
#pragma once

#include <filesystem>

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterReportCommand(CLI::App& app);

// The directory a report goes to without -o: beside the archive, named after it
// (runs/quickstart.git -> runs/quickstart-report).
std::filesystem::path DefaultReportDirectory(const std::filesystem::path& archive);

}  // namespace clade::cli
