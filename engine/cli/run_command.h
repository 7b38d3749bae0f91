// `clade run CONFIG [--resume] [--workers N]`: launches or resumes the search a run
// configuration describes (engine/search/search.h), with live progress, a clean stop on
// Ctrl-C or SIGTERM, and a summary at the end.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterRunCommand(CLI::App& app);

}  // namespace clade::cli
