#include "sandbox/bwrap.h"

#include <algorithm>
#include <cstdlib>

#include <unistd.h>

#include "support/strings.h"

namespace clade::sandbox {

const std::vector<fs::path> kSystemPaths = {
    "/usr",          "/bin",           "/sbin",          "/lib",
    "/lib32",        "/lib64",         "/libx32",        "/etc/alternatives",
    "/etc/ld.so.cache", "/etc/ld.so.conf", "/etc/ld.so.conf.d", "/etc/passwd",
    "/etc/group",    "/etc/nsswitch.conf", "/etc/localtime", "/etc/hosts"};

const std::vector<ViewEntry>& SystemView() {
  static const std::vector<ViewEntry> view = [] {
    std::vector<ViewEntry> entries;
    for (const fs::path& path : kSystemPaths) {
      std::error_code error;
      auto status = fs::symlink_status(path, error);
      if (error || !fs::exists(status)) continue;
      ViewEntry entry{path, std::nullopt};
      if (fs::is_symlink(status)) entry.link = fs::read_symlink(path, error);
      if (!error) entries.push_back(std::move(entry));
    }
    return entries;
  }();
  return view;
}

bool IsBeneath(const fs::path& path, const fs::path& root) {
  fs::path p = path.lexically_normal(), r = root.lexically_normal();
  auto [end, unused] = std::mismatch(r.begin(), r.end(), p.begin(), p.end());
  (void)unused;
  // "/a/" normalises to "/a/" with an empty last element: ignore it.
  return end == r.end() || (std::next(end) == r.end() && end->empty());
}

namespace {

bool Shown(const BwrapPlan& plan, const fs::path& path) {
  for (const ViewEntry& entry : plan.system) {
    if (!entry.link && IsBeneath(path, entry.path)) return true;
  }
  for (const auto* list : {&plan.readonly, &plan.writable}) {
    for (const fs::path& root : *list) {
      if (IsBeneath(path, root)) return true;
    }
  }
  // Not the private /tmp: a host path under /tmp is not shown unless a bind shows it.
  return IsBeneath(path, plan.cwd);
}

}  // namespace

std::vector<std::string> BwrapArgv(const BwrapPlan& plan) {
  std::vector<std::string> a = {plan.bwrap.string(), "--die-with-parent", "--new-session",
                                "--unshare-pid",     "--unshare-net",     "--unshare-ipc",
                                "--unshare-uts"};
  if (plan.drop_capabilities) a.insert(a.end(), {"--cap-drop", "ALL"});
  for (const ViewEntry& entry : plan.system) {
    if (entry.link) {
      a.insert(a.end(), {"--symlink", entry.link->string(), entry.path.string()});
    } else {
      a.insert(a.end(), {"--ro-bind-try", entry.path.string(), entry.path.string()});
    }
  }
  a.insert(a.end(), {"--dev", "/dev", "--proc", "/proc"});
  if (plan.tmp_bytes > 0) a.insert(a.end(), {"--size", std::to_string(plan.tmp_bytes)});
  a.insert(a.end(), {"--tmpfs", "/tmp"});
  // The plan's binds and hidden paths, parents before what lies beneath them: a path
  // hidden inside a bind stays hidden, and a bind inside a hidden directory is shown.
  // Binds come after /tmp, so paths under the host's /tmp are still seen.
  std::vector<std::pair<size_t, std::vector<std::string>>> mounts;
  auto add = [&](const fs::path& path, std::vector<std::string> args) {
    size_t depth = static_cast<size_t>(std::distance(path.begin(), path.end()));
    mounts.emplace_back(depth, std::move(args));
  };
  for (const auto& path : plan.readonly) add(path, {"--ro-bind", path.string(), path.string()});
  for (const auto& path : plan.writable) add(path, {"--bind", path.string(), path.string()});
  add(plan.cwd, {"--bind", plan.cwd.string(), plan.cwd.string()});
  for (const auto& path : plan.hidden) {
    if (!Shown(plan, path)) continue;
    if (fs::is_directory(path)) {
      add(path, {"--tmpfs", path.string()});
    } else {
      add(path, {"--ro-bind", "/dev/null", path.string()});
    }
  }
  std::stable_sort(mounts.begin(), mounts.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (const auto& [depth, args] : mounts) a.insert(a.end(), args.begin(), args.end());
  a.insert(a.end(), {"--chdir", plan.cwd.string()});
  if (plan.info_fd >= 0) a.insert(a.end(), {"--info-fd", std::to_string(plan.info_fd)});
  a.push_back("--");
  a.insert(a.end(), plan.argv.begin(), plan.argv.end());
  return a;
}

std::optional<fs::path> FindBwrap() {
  const char* path = std::getenv("PATH");
  for (const auto& dir : Split(path && *path ? path : "/usr/bin:/bin", ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(dir) / "bwrap";
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

std::optional<int> ParseBwrapChildPid(const std::string& info) {
  static constexpr std::string_view kKey = "\"child-pid\":";
  size_t at = info.find(kKey);
  if (at == std::string::npos) return std::nullopt;
  size_t begin = info.find_first_of("0123456789", at + kKey.size());
  if (begin == std::string::npos) return std::nullopt;
  size_t end = info.find_first_not_of("0123456789", begin);
  long long pid;
  if (!ParseNonNegative(info.substr(begin, end - begin), &pid) || pid <= 0) return std::nullopt;
  return static_cast<int>(pid);
}

}  // namespace clade::sandbox
