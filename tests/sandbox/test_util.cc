#include "tests/sandbox/test_util.h"

#include <atomic>
#include <cctype>

#include <dirent.h>
#include <unistd.h>

#include "sandbox/protections.h"
#include "support/strings.h"

namespace clade::sandbox::testing {

std::string NewMarker() {
  static std::atomic<int> counter{0};
  return fmt::format("clade-marker-{}-{}", ::getpid(), counter++);
}

int ProcessesWithMarker(const std::string& marker) {
  int count = 0;
  DIR* dir = ::opendir("/proc");
  if (dir == nullptr) return -1;
  while (dirent* entry = ::readdir(dir)) {
    if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0]))) continue;
    auto cmdline = ReadFile(fs::path("/proc") / entry->d_name / "cmdline");
    if (!cmdline) continue;
    for (const auto& arg : Split(*cmdline, '\0')) {
      if (arg.find(marker) != std::string::npos) {
        ++count;
        break;
      }
    }
  }
  ::closedir(dir);
  return count;
}

bool Supported(Isolation isolation) {
  const Protections& p = CurrentProtections();
  if (isolation == Isolation::kBubblewrap) return p.bubblewrap;
  return p.direct_namespaces || p.cgroup_pids || p.cgroup_memory || p.cgroup_cpu;
}

const char* IsolationName(Isolation isolation) {
  switch (isolation) {
    case Isolation::kAuto:
      return "auto";
    case Isolation::kBubblewrap:
      return "bubblewrap";
    case Isolation::kDirect:
      return "direct";
  }
  return "?";
}

RunSpec Fixture::Hostile(const std::string& mode, const std::vector<std::string>& args,
                         Isolation isolation) const {
  RunSpec spec;
  spec.argv = {CLADE_HOSTILE_PROGRAM, mode, marker};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.cwd = workspace.path();
  spec.readonly = {fs::path(CLADE_HOSTILE_PROGRAM).parent_path()};  // if under /tmp
  spec.stdout_path = logs.path() / "stdout";
  spec.stderr_path = logs.path() / "stderr";
  spec.limits.wall_seconds = 20;
  spec.limits.cpu_seconds = 20;
  spec.limits.memory_bytes = 512 << 20;
  spec.limits.processes = 64;
  spec.isolation = isolation;
  return spec;
}

RunSpec Fixture::Shell(const std::string& command, Isolation isolation) const {
  RunSpec spec = Hostile("unused");
  spec.argv = ShellArgv(command + " # " + marker);
  spec.isolation = isolation;
  return spec;
}

std::string Fixture::Stdout(const RunResult& result) const {
  return ReadFile(result.stdout_path).value_or("<no stdout file>");
}

}  // namespace clade::sandbox::testing
