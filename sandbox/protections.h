// Which of the sandbox's protections hold on this machine, found by trying them. This is
// what `clade doctor` prints, and what a run that requires isolation checks first.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace clade::sandbox {

namespace fs = std::filesystem;

struct Protections {
  bool root = false;               // running with uid 0
  fs::path bubblewrap_path;        // empty if bwrap is not on the PATH
  bool bubblewrap = false;         // a trial sandbox with all our options ran
  std::string bubblewrap_problem;  // why not, when bwrap exists but failed
  bool direct_namespaces = false;  // PID + network namespaces without bwrap (CAP_SYS_ADMIN)
  bool user_namespaces = false;    // unprivileged user namespaces are enabled
  bool cgroup_memory = false;      // a memory cgroup of our own can be made and limited
  bool cgroup_pids = false;        // likewise for the pids controller
  bool cgroup_cpu = false;         // CPU accounting for the whole tree
  std::string cgroup_version;      // "v1", "v2", "v1+v2" or "none"
  bool disk_cap = false;           // build slots are size-capped (slot.h)
  std::string disk_how;            // how, or why not
};

// One protection as it holds here: what it is, whether it holds, and how (or why not).
struct ProtectionLine {
  std::string name;
  bool enforced = false;
  std::string how;
};

// Tries each mechanism (runs a few short processes, makes and removes a cgroup). Takes
// a few milliseconds. Thread-safe.
Protections ProbeProtections();

// The probe's result for this process, made once on first use. Thread-safe.
const Protections& CurrentProtections();

// What holds when a run uses the best isolation available (bubblewrap if usable).
std::vector<ProtectionLine> DescribeProtections(const Protections& p);

// Human-readable lines, one per protection: "network: yes - no network (...)"; then what a
// sandboxed step sees of the host (the system view), or why bubblewrap is not usable.
std::vector<std::string> ProtectionsText(const Protections& p);

// {"root":..,"bubblewrap":{..},"cgroups":{..},"protections":[{name,enforced,how}..],
//  "view":[{path,link}..] (what a sandboxed step sees of the host),"disk":{capped,how}}
nlohmann::json ProtectionsJson(const Protections& p);

}  // namespace clade::sandbox
