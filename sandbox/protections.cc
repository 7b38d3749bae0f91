#include "sandbox/protections.h"

#include <system_error>

#include <fcntl.h>
#include <nlohmann/json.hpp>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/bwrap.h"
#include "sandbox/cgroup.h"
#include "sandbox/slot.h"
#include "sandbox/spawn.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {

namespace {

// Runs a trial child to completion (at most five seconds). Returns "" if it exited 0,
// else a short reason.
std::string TrialRun(const SpawnOptions& options) {
  auto child = Spawn(options);
  if (!child) return child.error().message;
  pollfd p{child->pidfd(), POLLIN, 0};
  if (::poll(&p, 1, 5000) != 1) return "the trial did not finish in five seconds";
  auto info = child->Wait();
  if (!info) return info.error().message;
  if (WIFEXITED(info->status) && WEXITSTATUS(info->status) == 0) return "";
  return fmt::format("the trial ended with status {:#x}", info->status);
}

std::string ProbeBubblewrap(const fs::path& bwrap) {
  char dir_template[] = "/tmp/clade-probe-XXXXXX";
  if (::mkdtemp(dir_template) == nullptr) return "cannot make a probe directory";
  fs::path dir = dir_template;
  BwrapPlan plan;
  plan.bwrap = bwrap;
  plan.cwd = dir;
  plan.system = SystemView();
  plan.tmp_bytes = 1 << 20;
  plan.drop_capabilities = ::geteuid() == 0;
  plan.argv = {"true"};
  SpawnOptions options;
  options.argv = BwrapArgv(plan);
  options.env = {"PATH=/usr/bin:/bin"};
  options.cwd = dir;
  Fd err_file(::open((dir / "err").c_str(), O_WRONLY | O_CREAT | O_CLOEXEC, 0644));
  options.stderr_fd = err_file.get();
  std::string problem = TrialRun(options);
  if (!problem.empty()) {
    auto text = ReadFile(dir / "err");
    if (text && !Trim(*text).empty()) problem = std::string(FirstLine(*text));
  }
  std::error_code ignored;
  fs::remove_all(dir, ignored);
  return problem;
}

bool ProbeDirectNamespaces() {
  SpawnOptions options;
  options.argv = {"/bin/true"};
  options.cwd = "/";
  options.new_namespaces = true;
  return TrialRun(options).empty();
}

bool UserNamespacesEnabled() {
  auto max = ReadFile("/proc/sys/user/max_user_namespaces");
  if (!max || Trim(*max) == "0") return false;
  auto clone = ReadFile("/proc/sys/kernel/unprivileged_userns_clone");
  return !clone || Trim(*clone) != "0";
}

std::string Join(std::initializer_list<std::string_view> parts) {
  std::string text;
  for (auto part : parts) {
    if (part.empty()) continue;
    if (!text.empty()) text += "; ";
    text += part;
  }
  return text;
}

ProtectionLine TreeLine(const Protections& p) {
  bool cgroup = p.cgroup_memory || p.cgroup_pids || p.cgroup_cpu;
  if (p.bubblewrap || p.direct_namespaces) {
    return {"process tree", true,
            Join({"the whole tree dies when the command exits or a limit hits (PID namespace)",
                  cgroup ? "cgroup kill as a second line" : ""})};
  }
  if (cgroup) return {"process tree", true, "the whole tree is killed through its cgroup"};
  return {"process tree", false,
          "process group only: a child that calls setsid can outlive the run"};
}

ProtectionLine ProcessesLine(const Protections& p) {
  if (p.cgroup_pids) return {"processes", true, "whole tree (cgroup pids.max)"};
  if (!p.root) return {"processes", true, "RLIMIT_NPROC (per user, counted over the run)"};
  return {"processes", false, "root ignores RLIMIT_NPROC and no pids cgroup can be made"};
}

// The system view as JSON: [{"path": ..., "link": ... or null}].
nlohmann::json View() {
  nlohmann::json view = nlohmann::json::array();
  for (const ViewEntry& entry : SystemView()) {
    view.push_back({{"path", entry.path.string()},
                    {"link", entry.link ? nlohmann::json(entry.link->string()) : nullptr}});
  }
  return view;
}

}  // namespace

Protections ProbeProtections() {
  Protections p;
  p.root = ::geteuid() == 0;
  if (auto bwrap = FindBwrap()) {
    p.bubblewrap_path = *bwrap;
    p.bubblewrap_problem = ProbeBubblewrap(*bwrap);
    p.bubblewrap = p.bubblewrap_problem.empty();
  }
  p.direct_namespaces = ProbeDirectNamespaces();
  p.user_namespaces = UserNamespacesEnabled();
  Cgroup cgroup = Cgroup::Create({1ull << 30, 1024});
  p.cgroup_memory = cgroup.has_memory();
  p.cgroup_pids = cgroup.has_pids();
  p.cgroup_cpu = cgroup.has_cpu();
  p.cgroup_version = cgroup.version();
  p.disk_cap = CurrentDiskCap().available;
  p.disk_how = CurrentDiskCap().how;
  return p;
}

const Protections& CurrentProtections() {
  static const Protections protections = ProbeProtections();
  return protections;
}

std::vector<ProtectionLine> DescribeProtections(const Protections& p) {
  std::vector<ProtectionLine> lines;
  lines.push_back(p.bubblewrap
                      ? ProtectionLine{"filesystem", true,
                                       "an allow-list (bubblewrap): the system view read-only "
                                       "(below), the step's own folders, a private /tmp; "
                                       "nothing else of the host"}
                      : ProtectionLine{"filesystem", false,
                                       "the command can read and write wherever this user can"});
  if (p.bubblewrap || p.direct_namespaces) {
    lines.push_back(
        {"network", true,
         p.bubblewrap ? "none (bubblewrap network namespace)" : "none (network namespace)"});
  } else {
    lines.push_back({"network", false, "the command shares the host's network"});
  }
  lines.push_back(TreeLine(p));
  lines.push_back({"wall clock", true, "the run is killed at its limit"});
  lines.push_back(p.cgroup_memory
                      ? ProtectionLine{"memory", true, "whole tree (cgroup memory limit)"}
                      : ProtectionLine{"memory", true, "per process (RLIMIT_AS)"});
  lines.push_back(ProcessesLine(p));
  lines.push_back(
      {"cpu", true, Join({"per process (RLIMIT_CPU)", p.cgroup_cpu ? "whole tree (cgroup)" : ""})});
  lines.push_back({"file size", true, "RLIMIT_FSIZE"});
  lines.push_back({"open files", true, "RLIMIT_NOFILE"});
  lines.push_back({"output", true, "stdout and stderr capped by the reader"});
  lines.push_back({"environment", true, "explicit; names that look like secrets are refused"});
  lines.push_back({"disk", p.disk_cap, p.disk_how});
  return lines;
}

std::vector<std::string> ProtectionsText(const Protections& p) {
  std::vector<std::string> text;
  for (const auto& line : DescribeProtections(p)) {
    text.push_back(fmt::format("{}: {} - {}", line.name, line.enforced ? "yes" : "NO", line.how));
  }
  if (p.bubblewrap) {
    std::vector<std::string> view;
    for (const ViewEntry& entry : SystemView()) {
      view.push_back(entry.link ? fmt::format("{} -> {}", entry.path.string(), entry.link->string())
                                : entry.path.string());
    }
    text.push_back("a sandboxed step sees: " + clade::Join(view, ", ") +
                   " (read-only); its own folders; a private /tmp; fresh /dev and /proc");
  } else {
    text.push_back(p.bubblewrap_path.empty()
                       ? "bubblewrap: not installed (Debian package bubblewrap)"
                       : "bubblewrap: not usable: " + p.bubblewrap_problem);
  }
  return text;
}

nlohmann::json ProtectionsJson(const Protections& p) {
  nlohmann::json lines = nlohmann::json::array();
  for (const auto& line : DescribeProtections(p)) {
    lines.push_back({{"name", line.name}, {"enforced", line.enforced}, {"how", line.how}});
  }
  return {
      {"root", p.root},
      {"bubblewrap",
       {{"path", p.bubblewrap_path.string()},
        {"usable", p.bubblewrap},
        {"problem", p.bubblewrap_problem}}},
      {"namespaces", {{"direct", p.direct_namespaces}, {"user", p.user_namespaces}}},
      {"cgroups",
       {{"version", p.cgroup_version},
        {"memory", p.cgroup_memory},
        {"pids", p.cgroup_pids},
        {"cpu", p.cgroup_cpu}}},
      {"protections", lines},
      {"view", View()},
      {"disk", {{"capped", p.disk_cap}, {"how", p.disk_how}}},
  };
}

}  // namespace clade::sandbox
