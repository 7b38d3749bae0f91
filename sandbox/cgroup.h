// A cgroup created for one run and removed after it: a memory limit and a process-count
// limit over the whole process tree, CPU and peak-memory accounting, and a way to kill
// every process in the tree, however it detached itself.
//
// The cgroup is nested under this process's own cgroup in each hierarchy (cgroup v1
// memory, pids and cpuacct hierarchies, or the v2 unified one where it delegates the
// controller), so limits placed on us by whoever started us stay in force. No cgroup the
// sandbox did not create is ever written to.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "support/error.h"
#include "support/fd.h"

namespace clade::sandbox {

namespace fs = std::filesystem;

struct CgroupLimits {
  uint64_t memory_bytes = 0;  // 0: no memory limit
  int processes = 0;          // 0: no process-count limit
};

class Cgroup {
 public:
  // Creates "clade-<pid>-<n>" in every hierarchy where this process may; controllers
  // that are missing or not writable are simply absent (see has_*). Never fails: a
  // Cgroup with no controllers is valid and does nothing.
  static Cgroup Create(const CgroupLimits& limits);

  // Kills everything inside and removes the directories.
  ~Cgroup();
  Cgroup(Cgroup&&) noexcept = default;
  Cgroup& operator=(Cgroup&&) = delete;
  Cgroup(const Cgroup&) = delete;
  Cgroup& operator=(const Cgroup&) = delete;

  bool has_memory() const { return memory_ >= 0; }
  bool has_pids() const { return pids_ >= 0; }
  bool has_cpu() const { return cpu_ >= 0; }
  bool empty_of_controllers() const { return nodes_.empty(); }
  std::string version() const;  // "v1", "v2", "v1+v2" or "none"

  // Open "cgroup.procs" files, one per hierarchy; the child writes itself into each
  // (see SpawnOptions::cgroup_procs_fds). Owned by the Cgroup.
  std::vector<int> procs_fds() const;

  // SIGKILLs every process inside until none is left or two seconds have passed.
  // Returns true if the cgroup is empty.
  bool KillAll() const;
  // The number of processes inside now (0 if unknown).
  int ProcessCount() const;

  std::optional<double> CpuSeconds() const;
  std::optional<uint64_t> PeakMemoryBytes() const;
  bool OomKilled() const;        // the kernel killed something for the memory limit
  bool ProcessLimitHit() const;  // a fork failed for the process-count limit

 private:
  struct Node {
    fs::path dir;
    bool v2 = false;
    Fd procs;
  };
  Cgroup() = default;
  void AddNode(const fs::path& base, bool v2, bool memory, bool pids, bool cpu,
               const CgroupLimits& limits, const std::string& name);
  bool KillRound() const;

  std::optional<std::string> ReadControl(int node, const char* v1_name, const char* v2_name) const;

  std::vector<Node> nodes_;
  // Which node holds each controller (an index into nodes_), or -1.
  int memory_ = -1;
  int pids_ = -1;
  int cpu_ = -1;
};

}  // namespace clade::sandbox
