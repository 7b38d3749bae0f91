// `clade eval VARIANT|DIR --benchmark SUITE`: builds an agent and runs it on a suite in
// the sandbox. For an archived variant the record is stored as its note and the logs in
// the archive; an identical source tree already evaluated on the same suite content is
// not run again.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterEvalCommand(CLI::App& app);

}  // namespace clade::cli
