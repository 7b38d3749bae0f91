#include "sandbox/bwrap.h"

#include <cstdlib>

#include <unistd.h>

#include "support/strings.h"

namespace clade::sandbox {

std::vector<std::string> BwrapArgv(const BwrapPlan& plan) {
  std::vector<std::string> a = {plan.bwrap.string(), "--die-with-parent", "--new-session",
                                "--unshare-pid",     "--unshare-net",     "--unshare-ipc",
                                "--unshare-uts"};
  if (plan.drop_capabilities) a.insert(a.end(), {"--cap-drop", "ALL"});
  a.insert(a.end(), {"--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc"});
  if (plan.tmp_bytes > 0) a.insert(a.end(), {"--size", std::to_string(plan.tmp_bytes)});
  a.insert(a.end(), {"--tmpfs", "/tmp"});
  for (const auto& path : plan.hidden) {
    if (fs::is_directory(path)) {
      a.insert(a.end(), {"--tmpfs", path.string()});
    } else {
      a.insert(a.end(), {"--ro-bind", "/dev/null", path.string()});
    }
  }
  // Binds come after /tmp, so paths under the host's /tmp are still seen.
  for (const auto& path : plan.readonly) {
    a.insert(a.end(), {"--ro-bind", path.string(), path.string()});
  }
  for (const auto& path : plan.writable)
    a.insert(a.end(), {"--bind", path.string(), path.string()});
  a.insert(a.end(), {"--bind", plan.cwd.string(), plan.cwd.string()});
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
