// Builds and evaluates each child as a Slurm job (docs/cluster.md). Evaluate copies the
// child's source into a job directory on the shared path (engine/search/slurm_job.h),
// submits `clade worker eval-job DIR` with sbatch, polls squeue (sacct once the job has
// left the queue) and reads back the result the job wrote. The archive is never seen by
// the job; the engine alone writes it.
//
// A job directory is named by the content of what it evaluates (the source, the suite and
// the stages), so a controller that was killed and resumed, asking again for the same
// child, finds the job it had submitted: it reads the result if the job finished, waits
// for it if it still runs, and submits nothing. Nothing is evaluated twice.
// A job that fails, is cancelled, times out, runs out of memory, loses its node or
// vanishes from Slurm without a result becomes an Evaluation with status job_failed,
// job_cancelled, job_timeout, job_out_of_memory, job_node_fail or job_lost (job_no_result:
// it completed but wrote none); its build log says what happened.
//
// Thread safety: Evaluate may run on several workers at once; Close on one thread after
// every Evaluate has returned.
#pragma once

#include <atomic>
#include <filesystem>
#include <memory>
#include <mutex>
#include <set>
#include <string>

#include "engine/search/executor.h"
#include "engine/search/run_config.h"
#include "engine/search/slurm_client.h"
#include "engine/search/slurm_job.h"

namespace clade::search {

struct SlurmRun {
  std::string name;  // the run's name: part of every job name
  fs::path dir;      // the run's directory on the shared path
  fs::path clade;    // the clade binary the jobs run (a path the nodes see)
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  bool require_isolation = false;
  std::vector<fs::path> hidden;  // never visible to agents (the archive)
};

// The run's directory under `shared`: the run's name and a hash of its archive's path, so
// two runs sharing the path never mix their jobs.
fs::path SlurmRunDirectory(const fs::path& shared, const std::string& name,
                           const fs::path& archive);

struct SlurmCounts {
  int submitted = 0;  // jobs submitted by this controller
  int adopted = 0;    // jobs of an earlier controller whose result this one used or awaited
  int cancelled = 0;  // jobs of an earlier controller cancelled by Close
};

class SlurmExecutor : public Executor {
 public:
  SlurmExecutor(SlurmConfig config, SlurmRun run, std::unique_ptr<SlurmClient> client);
  std::string_view name() const override { return "slurm"; }
  // Errors: the job directory cannot be written, sbatch refuses the job, the job reported
  // an infrastructure failure (the sandbox cannot run on its node).
  Result<sandbox::Evaluation> Evaluate(const EvalJob& job, int worker) override;
  // Ends the session: cancels the jobs left by an earlier controller that this one never
  // asked for, and removes the run's job directories. REQUIRES: no Evaluate running, and
  // every evaluation returned has been recorded (RunSearch returned, not abandoned).
  Result<> Close();
  SlurmCounts counts() const;

 private:
  Result<fs::path> SharedSuite(const sandbox::Suite& suite);
  Result<std::string> JobKey(const EvalJob& job);
  Result<> Prepare(const JobPaths& paths, const EvalJob& job, const fs::path& suite);
  Result<std::string> Submit(const JobPaths& paths, const std::string& job_name);
  Result<sandbox::Evaluation> Await(const JobPaths& paths, const std::string& id);
  sandbox::Evaluation Ended(const JobPaths& paths, const std::string& id, JobPhase phase,
                            const std::string& state);

  SlurmConfig config_;
  SlurmRun run_;
  std::unique_ptr<SlurmClient> client_;
  mutable std::mutex mutex_;
  std::string suite_name_;  // of the suite copied to the shared path
  std::string suite_hash_;
  fs::path suite_copy_;
  std::set<std::string> used_;  // job keys asked for in this session
  SlurmCounts counts_;
};

}  // namespace clade::search
