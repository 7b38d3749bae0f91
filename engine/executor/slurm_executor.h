// Builds and evaluates children as Slurm jobs (docs/cluster.md). With `per: child`,
// Evaluate copies the child's source into a job directory on the shared path
// (engine/executor/slurm_job.h), submits `clade worker eval-job DIR` with sbatch, polls
// squeue (sacct once the job has left the queue) and reads back the evaluation the job
// wrote. With `per: task`, one job builds the child and each task runs as a job of its
// own, stage by stage (engine/executor/slurm_task_evaluation.h); the record is the same. The
// archive is never seen by the jobs; the engine alone writes it.
//
// A child's job directory is named by the content of what it evaluates (the source, the
// suite, the stages and `per`), so a controller that was killed and resumed, asking again
// for the same child, finds the jobs it had submitted (engine/executor/slurm_queue.h): it
// reads their results if they finished, waits for them if they still run, and submits
// nothing again. Nothing is evaluated twice.
// A job that fails, is cancelled, times out, runs out of memory, loses its node or
// vanishes from Slurm without a result becomes an Evaluation with status job_failed,
// job_cancelled, job_timeout, job_out_of_memory, job_node_fail or job_lost (job_no_result:
// it completed but wrote none); its build log says what happened.
//
// Thread safety: Evaluate may run on several workers at once; Close on one thread after
// every Evaluate has returned.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <string>

#include "engine/executor/executor.h"
#include "engine/executor/slurm_client.h"
#include "engine/executor/slurm_config.h"
#include "engine/executor/slurm_job.h"
#include "engine/executor/slurm_queue.h"

namespace clade::executor {

struct SlurmRun {
  std::string name;  // the run's name: part of every job name
  fs::path dir;      // the run's directory on the shared path
  fs::path clade;    // the clade binary the jobs run (a path the nodes see)
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  bool require_isolation = false;
  std::vector<fs::path> read_only;  // sandbox.read_only
  uint64_t disk_mb = 2048;          // sandbox.disk_mb
  std::vector<fs::path> hidden;     // never visible to agents (the archive)
};

// The run's directory under `shared`: the run's name and a hash of its archive's path, so
// two runs sharing the path never mix their jobs.
fs::path SlurmRunDirectory(const fs::path& shared, const std::string& name,
                           const fs::path& archive);

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
  Result<> Close() { return queue_.Close(); }
  SlurmCounts counts() const { return queue_.counts(); }

 private:
  Result<ChildJobs> Locate(const EvalJob& job);
  Result<fs::path> SharedSuite(const sandbox::Suite& suite);
  Result<std::string> JobKey(const EvalJob& job);
  JobSpec Spec(const EvalJob& job, const fs::path& suite) const;
  Result<sandbox::Evaluation> EvaluateChild(const EvalJob& job, const ChildJobs& child);

  SlurmConfig config_;
  SlurmRun run_;
  SlurmQueue queue_;
  std::mutex mutex_;  // over the suite's copy
  std::string suite_name_;
  std::string suite_hash_;
  fs::path suite_copy_;
};

}  // namespace clade::executor
