// `clade worker eval-job DIR`: the job side of the Slurm executor (docs/cluster.md), run
// by the script the controller submitted, on a compute node. Does what DIR/job.json says
// (engine/executor/slurm_job.h) with the same sandbox harness as a local run: builds and
// evaluates DIR/source on the suite (per: child); or builds the child's source in a build
// slot and publishes the build directory on the shared path (per: task, the build job);
// or runs one task with a build published so (a task job). Writes DIR/result.json
// atomically. It never opens the archive. Internal: not listed in `clade --help`.
#pragma once

#include "engine/cli/command.h"

namespace clade::cli {

Command RegisterWorkerCommand(CLI::App& app);

}  // namespace clade::cli
