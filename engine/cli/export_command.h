// `clade export VARIANT DIR`: writes a variant's source into a directory, ready to build.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterExportCommand(CLI::App& app);

}  // namespace clade::cli
