// The Slurm jobs of one run, each in its own directory under the run's `jobs` directory on
// the shared path (slurm_job.h): finding a directory's job again or submitting it, polling
// it until it wrote its result or ended without one, cancelling the jobs no one needs. The
// Slurm executor uses it for a child's one job (per: child) and for a child's build job and
// task jobs (per: task); docs/cluster.md.
//
// A job directory is named by the content of what its job does, so a controller that was
// killed and resumed, asking again for the same directory, finds the job it had submitted:
// its result if the job finished, its id if it was noted, or an active job of the same name
// if the controller died between sbatch and noting the id. Nothing runs twice.
//
// Thread safety: every method may be called from several threads at once; Close only once
// no other call runs.
#pragma once

#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "engine/executor/slurm_client.h"
#include "engine/executor/slurm_config.h"
#include "engine/executor/slurm_job.h"

namespace clade::executor {

struct SlurmCounts {
  int submitted = 0;  // jobs submitted by this controller
  int adopted = 0;    // jobs of an earlier controller whose result this one used or awaited
  int cancelled = 0;  // jobs cancelled because no one needs them any more
};

// One job being watched: its directory and id ("" when its result was there already).
struct JobWatch {
  JobPaths paths;
  std::string id;
  std::string_view key;  // of its result in result.json (ResultKey)
  int errors = 0;        // Slurm queries failed in a row
};

class SlurmQueue {
 public:
  // Writes a job directory's files into `tmp` (renamed to the directory afterwards).
  using Prepare = std::function<Result<>(const fs::path& tmp)>;

  SlurmQueue(SlurmConfig config, fs::path jobs, std::unique_ptr<SlurmClient> client);

  // The job of `paths`, found again or, when there is none, prepared and submitted under
  // the name `name`. Serialised, so two callers asking for one directory share its job.
  // Errors: the directory cannot be written, sbatch refuses the job.
  Result<JobWatch> Start(const JobPaths& paths, const std::string& name, std::string_view key,
                         const Prepare& prepare);
  // One look at the job: nullopt while it is pending or running. When Slurm says it
  // ended, waits up to result_grace_seconds for its result to show. Errors: the job
  // reported an error (an infrastructure failure), its result is damaged, Slurm did not
  // answer several polls in a row.
  Result<std::optional<JobEnd>> Poll(JobWatch& watch);
  // Polls every poll_seconds until the job ends.
  Result<JobEnd> Await(JobWatch& watch);
  // Sleeps poll_seconds, for callers polling several jobs in turn.
  void Pause() const;
  // The result already in `paths` (written by its job, or by the controller for a child
  // evaluated per task), if any; counted as adopted when this session had not asked for
  // the directory yet.
  Result<std::optional<nlohmann::json>> Finished(const JobPaths& paths, std::string_view key);
  // Cancels a job this controller no longer needs, if it is still pending or running.
  Result<> Cancel(const JobWatch& watch);
  // Ends the session: cancels the jobs still pending or running (left by an earlier
  // controller and never asked for in this session, or missed by a Cancel; by the noted
  // id, or by the job's name when its controller died before noting the id), and removes
  // every job directory but one whose job Slurm could not be asked about (kept for a
  // later session). Only job directories are read: never a variant's `source/` or
  // `built/`. REQUIRES: no other call runs, and every result returned has been recorded.
  Result<> Close();
  SlurmCounts counts() const;
  const SlurmConfig& config() const { return config_; }

 private:
  Result<std::string> Find(const JobPaths& paths, const std::string& name);
  Result<std::string> Submit(const JobPaths& paths, const std::string& name);
  JobEnd Ended(const JobWatch& watch, const std::string& state) const;
  // Cancels the job of `dir` if it is active; false when Slurm could not be asked whether
  // it has one (the directory is then kept).
  Result<bool> CancelActive(const fs::path& dir);
  Result<> CancelIfActive(const std::string& id);

  SlurmConfig config_;
  fs::path jobs_;
  std::unique_ptr<SlurmClient> client_;
  mutable std::mutex mutex_;
  std::set<fs::path> used_;          // job directories asked for in this session
  std::set<std::string> cancelled_;  // ids of the jobs this controller cancelled
  SlurmCounts counts_;
};

}  // namespace clade::executor
