// `clade log`: the variants in id order with time, parents, status, score and summary.
#pragma once

#include <string>

#include "engine/cli/command.h"
#include "engine/cli/output.h"

namespace clade::cli {

Command RegisterLogCommand(CLI::App& app);

// The log as an aligned table with a header line.
std::string RenderLogText(const ArchiveView& view);

}  // namespace clade::cli
