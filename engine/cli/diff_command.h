// `clade diff A B`: the unified diff from variant A to variant B.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterDiffCommand(CLI::App& app);

}  // namespace clade::cli
