// The bubblewrap command line that confines one run: the host filesystem read-only, the
// working directory and the given directories writable, a private /tmp, hidden paths,
// new PID, network, IPC and UTS namespaces, no capabilities, and death with its parent.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace clade::sandbox {

namespace fs = std::filesystem;

struct BwrapPlan {
  fs::path bwrap;                  // the bwrap executable (absolute)
  fs::path cwd;                    // working directory, bound writable
  std::vector<fs::path> writable;  // more directories bound writable at the same path
  std::vector<fs::path> readonly;  // paths bound read-only at the same path (after /tmp)
  std::vector<fs::path> hidden;    // directories (empty tmpfs) or files (/dev/null) hidden
  uint64_t tmp_bytes = 0;          // size of the private /tmp (0: tmpfs default)
  bool drop_capabilities = true;   // pass --cap-drop ALL (only accepted when run as root)
  int info_fd = -1;                // bwrap writes {"child-pid": N} here (see --info-fd)
  std::vector<std::string> argv;   // the command; argv[0] is looked up on the PATH inside
};

// The full argv, starting with plan.bwrap.
std::vector<std::string> BwrapArgv(const BwrapPlan& plan);

// The bwrap executable on the PATH of this process, if any.
std::optional<fs::path> FindBwrap();

// The pid, in this process's PID namespace, of the sandbox's PID 1 from the text bwrap
// wrote to its --info-fd; nullopt if the text holds none.
std::optional<int> ParseBwrapChildPid(const std::string& info);

}  // namespace clade::sandbox
