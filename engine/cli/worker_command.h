// `clade worker eval-job DIR`: the job side of the Slurm executor (docs/cluster.md), run
// by the script the controller submitted, on a compute node. Builds and evaluates
// DIR/source on the suite named by DIR/job.json with the same sandbox harness as a local
// run (a build slot claimed in the node's work directory), and writes DIR/result.json
// atomically. It never opens the archive. Internal: not listed in `clade --help`.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterWorkerCommand(CLI::App& app);

}  // namespace clade::cli
