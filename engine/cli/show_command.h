// `clade show VARIANT [--diff]`: one variant's lineage, commit message with its mutation
// trailers, evaluation records, log paths, and optionally the diff against its first parent.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterShowCommand(CLI::App& app);

}  // namespace clade::cli
