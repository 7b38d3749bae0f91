// An in-process stand-in for a Slurm cluster, for the controller's logic (submit, poll,
// adopt after a crash, cancel, per-task jobs) on every test run; the real one-node cluster
// of slurm_cluster.h stays for the real commands. Each submitted job is its batch script
// run by /bin/sh on this machine in its --chdir, output to its --output, in a process
// group of its own, so a cancel kills it whole. States are Slurm's names: PENDING while
// the cluster is held, RUNNING, then COMPLETED (exit 0), FAILED or CANCELLED.
//
// FakeCluster holds the jobs and outlives the clients made from it, so a controller that
// "crashed" (its executor destroyed) and a new one see the same queue.
// Thread safety: every method may be called from several threads at once.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <sys/types.h>

#include "engine/executor/slurm_client.h"

namespace clade::testing {

class FakeCluster : public std::enable_shared_from_this<FakeCluster> {
 public:
  ~FakeCluster();  // kills and reaps every job still running

  // A client of this cluster, for a SlurmExecutor.
  std::unique_ptr<executor::SlurmClient> Client();

  // While held, submitted jobs stay PENDING; Release starts them.
  void Hold();
  void Release();
  // Cancels every job (as scancel would).
  void CancelAll();

  int submitted() const;
  int running() const;                     // PENDING or RUNNING
  std::vector<std::string> names() const;  // of every job ever submitted, in order

  // The SlurmClient calls.
  Result<std::string> Submit(const std::vector<std::string>& args,
                             const std::filesystem::path& script);
  Result<std::string> State(const std::string& id);
  Result<std::optional<std::string>> FindActive(const std::string& name);
  Result<> Cancel(const std::string& id);

 private:
  struct Job {
    std::string name, chdir, output;
    std::filesystem::path script;
    pid_t pid = -1;  // -1: not started (held)
    std::string state = "PENDING";
  };
  void StartLocked(Job& job);
  void RefreshLocked(Job& job);
  void CancelLocked(Job& job);

  mutable std::mutex mutex_;
  bool held_ = false;
  int next_id_ = 1000;
  std::map<std::string, Job> jobs_;  // by id
  std::vector<std::string> order_;
};

}  // namespace clade::testing
