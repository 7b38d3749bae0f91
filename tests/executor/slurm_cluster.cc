#include "tests/executor/slurm_cluster.h"

#include <cstdlib>

#include "tests/test_util.h"

#include "support/strings.h"

namespace clade::testing {

namespace {

std::string Script() {
  return (SourceDir() / "tests/executor/slurm_cluster.sh").string();
}

}  // namespace

SlurmCluster::SlurmCluster() {
  CommandOutput started = Shell(Script() + " start " + Quote(dir_.path().string()));
  if (started.exit_code == 77) {
    skip_reason_ = "Slurm is not installed here (" + std::string(Trim(started.output)) +
                   "); the Slurm executor's tests are skipped";
    return;
  }
  if (started.exit_code != 0) {
    failure_ = "the one-node Slurm cluster did not start: " + started.output;
    Shell(Script() + " stop " + Quote(dir_.path().string()));
    return;
  }
  ::setenv("SLURM_CONF", (dir_.path() / "slurm.conf").c_str(), 1);
  up_ = true;
}

SlurmCluster::~SlurmCluster() {
  if (!skip_reason_.empty()) return;
  if (up_) Shell("scancel --user=$(id -un) >/dev/null 2>&1");
  Shell(Script() + " stop " + Quote(dir_.path().string()));
  ::unsetenv("SLURM_CONF");
}

std::vector<std::string> SlurmCluster::Jobs() const {
  CommandOutput listed = Shell("squeue -h -t all -o '%i %j %T' --sort=i");
  std::vector<std::string> jobs;
  for (const std::string& line : Split(listed.output, '\n')) {
    if (!Trim(line).empty()) jobs.emplace_back(Trim(line));
  }
  return jobs;
}

}  // namespace clade::testing
