// The `slurm` section of a run configuration (docs/config.md, docs/cluster.md): how each
// child becomes Slurm jobs. Plain data; engine/search/run_config.h reads it from YAML.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace clade::executor {

namespace fs = std::filesystem;

// What one Slurm job does: build and evaluate a child, or (after one job that builds it)
// run one of its tasks.
enum class SlurmJobsPer { kChild, kTask };

// The `slurm` section: how each child becomes Slurm jobs.
struct SlurmConfig {
  std::string partition;                 // --partition; empty: the cluster's default
  std::string time;                      // --time, as Slurm reads it ("30", "1:00:00")
  int cpus = 1;                          // --cpus-per-task
  std::string memory;                    // --mem ("4G"); empty: the cluster's default
  std::vector<std::string> sbatch_args;  // more sbatch options, passed as they are
  fs::path shared;                       // a directory the controller and the nodes see
  fs::path work;                         // the nodes' build slots; empty: their default
  fs::path clade;                        // the clade binary the jobs run; empty: this one
  double poll_seconds = 5;               // between squeue queries of one job
  double result_grace_seconds = 10;      // how long a result may lag its job's end (NFS)
  SlurmJobsPer per = SlurmJobsPer::kChild;
};

}  // namespace clade::executor
