// Talking to Slurm: submitting a job, asking its state, cancelling it. The executor uses
// the SlurmClient interface; MakeSlurmClient() returns the one that runs the real sbatch,
// squeue, sacct and scancel (found on PATH, with this process's environment, so
// SLURM_CONF and the user's Slurm settings apply).
//
// Thread safety: every method may be called from several threads at once.
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "support/error.h"
#include "support/eval_status.h"

namespace clade::executor {

// How a job ended, or that it has not yet.
enum class JobPhase {
  kActive,     // pending, running, completing, suspended: wait
  kCompleted,  // exited 0
  kFailed,     // exited non-zero, or its node could not boot
  kCancelled,  // scancel, preemption
  kTimeout,    // ran past --time (or a deadline)
  kNodeFail,   // its node failed
  kOutOfMemory,
  kUnknown,  // Slurm no longer knows the job (purged from squeue, no accounting)
};

// The phase of a Slurm state name as squeue and sacct print it ("CANCELLED by 0" too).
JobPhase PhaseOfState(const std::string& state);

// The record status of a job that ended without a result: job_failed, job_cancelled,
// job_timeout, job_node_fail, job_out_of_memory, job_lost (kUnknown; also kActive, which
// has not ended), or job_no_result (kCompleted: it exited 0 but wrote no result).
EvalStatus StatusOfPhase(JobPhase phase);

class SlurmClient {
 public:
  virtual ~SlurmClient() = default;
  // sbatch --parsable ARGS SCRIPT; the job id. Error: sbatch failed (its message).
  virtual Result<std::string> Submit(const std::vector<std::string>& args,
                                     const std::filesystem::path& script) = 0;
  // The job's state name ("RUNNING", "COMPLETED", ...), or "" when Slurm does not know it.
  virtual Result<std::string> State(const std::string& job) = 0;
  // The id of a pending or running job named `name`, if any (the newest).
  virtual Result<std::optional<std::string>> FindActive(const std::string& name) = 0;
  // scancel JOB. Cancelling a job that has ended is not an error.
  virtual Result<> Cancel(const std::string& job) = 0;
};

// The client that runs the real commands. Each command gets `timeout_seconds` before it is
// killed and the call fails.
std::unique_ptr<SlurmClient> MakeSlurmClient(double timeout_seconds = 60);

// Whether sbatch is on PATH (for messages and for tests that need a cluster).
bool SlurmCommandsFound();

}  // namespace clade::executor
