// `clade serve`: a live, read-only HTTP view of one archive while `clade run` writes it
// (engine/cli/live_server.h; docs/report.md, "The live view").
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterServeCommand(CLI::App& app);

}  // namespace clade::cli
