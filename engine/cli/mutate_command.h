// `clade mutate VARIANT`: one mutation of a variant, shown as its edit list and a unified
// diff, without building; `--apply` stores the child in the archive (not evaluated).
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterMutateCommand(CLI::App& app);

}  // namespace clade::cli
