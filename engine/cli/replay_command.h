// `clade replay VARIANT... --benchmark SUITE`: evaluates archived variants (the winners of
// a run, the seed) on a suite they were not evolved on, keeps the records under that
// suite's notes ref, and prints each variant's run score beside its new one.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterReplayCommand(CLI::App& app);

}  // namespace clade::cli
