// A one-node Slurm cluster on loopback for a test (tests/executor/slurm_cluster.sh): munged,
// slurmctld and slurmd started in a temporary directory with their own key, ports and
// state, and stopped (nothing left running) when the object goes away, even when the test
// fails. SLURM_CONF is set in this process's environment while it lives, so the clade
// processes the test starts and the Slurm commands it runs talk to this cluster.
#pragma once

#include <string>
#include <vector>

#include "support/fs.h"

namespace clade::testing {

class SlurmCluster {
 public:
  SlurmCluster();
  ~SlurmCluster();
  SlurmCluster(const SlurmCluster&) = delete;
  SlurmCluster& operator=(const SlurmCluster&) = delete;

  // False when Slurm is not installed here; skip_reason() says so.
  bool up() const { return up_; }
  const std::string& skip_reason() const { return skip_reason_; }
  // When Slurm is installed but would not start: what the script said (a test failure).
  const std::string& failure() const { return failure_; }

  // "ID NAME STATE" of every job the cluster knows, pending to completed, oldest first.
  std::vector<std::string> Jobs() const;

 private:
  TempDir dir_{"clade-slurm"};
  bool up_ = false;
  std::string skip_reason_;
  std::string failure_;
};

}  // namespace clade::testing
