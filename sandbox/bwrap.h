// The bubblewrap command line that confines one run. The sandbox shows an allow-list of
// the host, never the host itself: the system view (SystemView(): /usr and its /bin, /lib
// links, the few /etc files a toolchain reads) read-only, the plan's own read-only and
// writable binds at their host paths, fresh /dev and /proc, a private /tmp, and nothing
// else. New PID, network, IPC and UTS namespaces, no capabilities, death with its parent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clade::sandbox {

namespace fs = std::filesystem;

// One host path the sandbox shows read-only at the same path: a directory or a file, or a
// symlink re-created as the same symlink (the /bin -> usr/bin links of a merged /usr).
struct ViewEntry {
  fs::path path;
  std::optional<fs::path> link;  // the symlink's target when `path` is a symlink
};

// The system view of this host: each path of kSystemPaths that exists, as it is.
// Computed once; thread-safe.
const std::vector<ViewEntry>& SystemView();

// The host paths the system view is made of (those that exist on a host are shown).
extern const std::vector<fs::path> kSystemPaths;

struct BwrapPlan {
  fs::path bwrap;                  // the bwrap executable (absolute)
  fs::path cwd;                    // working directory, bound writable
  std::vector<ViewEntry> system;   // the system view (normally SystemView())
  std::vector<fs::path> writable;  // more directories bound writable at the same path
  std::vector<fs::path> readonly;  // paths bound read-only at the same path (after /tmp)
  // Directories (shown as an empty tmpfs) or files (shown as /dev/null) hidden beneath a
  // shown path. A hidden path beneath nothing shown is absent anyway and is skipped, so its
  // name never appears in the sandbox's mount table.
  std::vector<fs::path> hidden;
  uint64_t tmp_bytes = 0;          // size of the private /tmp (0: tmpfs default)
  bool drop_capabilities = true;   // pass --cap-drop ALL (only accepted when run as root)
  int info_fd = -1;                // bwrap writes {"child-pid": N} here (see --info-fd)
  std::vector<std::string> argv;   // the command; argv[0] is looked up on the PATH inside
};

// The full argv, starting with plan.bwrap.
std::vector<std::string> BwrapArgv(const BwrapPlan& plan);

// Whether `path` is `root` or lies beneath it (lexically, after normalisation).
bool IsBeneath(const fs::path& path, const fs::path& root);

// The bwrap executable on the PATH of this process, if any.
std::optional<fs::path> FindBwrap();

// The pid, in this process's PID namespace, of the sandbox's PID 1 from the text bwrap
// wrote to its --info-fd; nullopt if the text holds none.
std::optional<int> ParseBwrapChildPid(const std::string& info);

}  // namespace clade::sandbox
