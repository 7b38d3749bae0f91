// `clade prune VARIANT` / `clade unprune VARIANT`: take a variant out of (or back into) the
// parent pool. History is never rewritten; the mark is a ref under refs/clade/pruned/.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

// Registers "prune" when `prune` is true, else "unprune".
Command RegisterPruneCommand(CLI::App& app, bool prune);

}  // namespace clade::cli
