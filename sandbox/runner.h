// Running one untrusted command with limits: the sandbox's one entry point.
//
//   RunSpec spec;
//   spec.argv = ShellArgv("make test");
//   spec.cwd = workspace;
//   spec.stdout_path = logs / "out.txt";
//   spec.limits.wall_seconds = 30;
//   Result<RunResult> result = Run(spec);
//
// A run gets an explicit environment (nothing inherited), stdin from /dev/null, stdout and
// stderr captured to size-capped files, and limits on wall-clock time, CPU time, memory,
// file size, open files and processes. Where bubblewrap works it sees an allow-list of
// the host, never the host itself: the system view (bwrap.h: /usr, its /bin and /lib links,
// a few /etc files) read-only, its own binds, the working directory and a private /tmp;
// no network, and a PID namespace, so the whole process tree dies when the command exits
// or a limit hits.
// Where it does not, see protections.h and docs/sandbox.md for what still holds.
#pragma once

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.h"

namespace clade::sandbox {

namespace fs = std::filesystem;

// Every limit must be positive.
struct Limits {
  double wall_seconds = 60;              // then the whole tree is killed (kTimeout)
  double cpu_seconds = 60;               // per process (RLIMIT_CPU) and, with a cgroup, tree
  uint64_t memory_bytes = 2ull << 30;    // tree (cgroup memory), else per process (RLIMIT_AS)
  uint64_t file_size_bytes = 256 << 20;  // largest file a process may write (RLIMIT_FSIZE)
  uint64_t output_bytes = 1 << 20;       // kept of stdout, and of stderr; the rest discarded
  uint64_t tmp_bytes = 256 << 20;        // size of the private /tmp (bubblewrap only)
  int open_files = 256;                  // RLIMIT_NOFILE
  int processes = 256;                   // tree (cgroup pids), else RLIMIT_NPROC if not root
};

enum class Isolation {
  kAuto,        // bubblewrap if usable, else the best of the rest
  kBubblewrap,  // bubblewrap or fail: Run returns an error if it is not usable
  kDirect,      // no bubblewrap: rlimits, a process group, namespaces and cgroups if allowed
};

struct RunSpec {
  // The command. argv[0] is looked up on the PATH of `env`. ShellArgv() wraps a string.
  std::vector<std::string> argv;
  // Working directory (absolute, must exist); writable inside the sandbox.
  fs::path cwd;
  // Added to (and overriding) the basics: PATH, HOME=/tmp, TMPDIR=/tmp, LANG=C.UTF-8.
  // Nothing else is inherited. Names that look like secrets (…_KEY, …_TOKEN, …SECRET…,
  // …PASSWORD…) are refused, so a key can never reach a sandboxed command.
  std::map<std::string, std::string> env;
  // More directories that stay writable (bubblewrap binds them at the same path).
  std::vector<fs::path> writable;
  // Host paths the command may read, bound read-only at the same path. Nothing of the
  // host is visible but these, the system view (bwrap.h), `writable` and `cwd`.
  std::vector<fs::path> readonly;
  // Directories (shown empty) and files (shown as /dev/null) the command must not see
  // although they lie beneath a shown path. Bubblewrap only.
  std::vector<fs::path> hidden;
  // The command's standard input; nullopt: /dev/null. Given as an anonymous in-memory
  // file, so nothing of where it came from is visible inside.
  std::optional<std::string> stdin_text;
  // A size-capped filesystem the command writes to (slot.h); when its free space runs
  // out the tree is killed: status kDiskLimit. Empty: none watched.
  fs::path disk;
  // Where stdout and stderr go (created or truncated). An empty stderr_path sends stderr
  // into the stdout file, interleaved as written.
  fs::path stdout_path;
  fs::path stderr_path;
  Limits limits;
  Isolation isolation = Isolation::kAuto;
  // Kill the tree once output passes the cap (status kOutputLimit) instead of discarding
  // the excess and letting the command go on.
  bool kill_on_output_cap = false;
};

enum class RunStatus {
  kOk,             // exited 0
  kExitNonzero,    // exited with another code
  kSignaled,       // killed by a signal that is not one of the limits below
  kTimeout,        // ran past limits.wall_seconds; the tree was killed
  kMemoryLimit,    // the kernel killed it for the cgroup memory limit
  kCpuLimit,       // CPU time limit (SIGXCPU, or the tree's CPU time in the cgroup)
  kFileSizeLimit,  // wrote past limits.file_size_bytes (SIGXFSZ)
  kOutputLimit,    // output passed the cap with kill_on_output_cap set
  kDiskLimit,      // the capped filesystem RunSpec::disk filled up
};

// "ok", "exited_nonzero", "signaled", "timeout", "memory_limit", "cpu_limit",
// "file_size_limit", "output_limit", "disk_limit".
std::string_view StatusName(RunStatus status);

struct RunResult {
  RunStatus status = RunStatus::kOk;
  int exit_code = -1;  // when the command exited (else -1)
  int signal = 0;      // when it was killed by a signal (else 0)
  double wall_seconds = 0;
  double cpu_seconds = 0;                     // whole tree with a cgroup, else what was reaped
  std::optional<uint64_t> peak_memory_bytes;  // when known (cgroup, or direct rusage)
  bool process_limit_hit = false;             // some fork failed for limits.processes
  fs::path stdout_path;
  fs::path stderr_path;       // equal to stdout_path when merged
  uint64_t stdout_bytes = 0;  // written by the command, including what was discarded
  uint64_t stderr_bytes = 0;
  bool stdout_truncated = false;
  bool stderr_truncated = false;
  bool bubblewrap = false;          // whether bubblewrap confined this run
  bool leftover_processes = false;  // some process could not be killed (never expected)
};

// {"/bin/sh", "-c", command}.
std::vector<std::string> ShellArgv(std::string_view command);

// Runs the command to completion or its limits and returns how it ended; fails only if
// the run could not be set up (bad spec, missing program, no bubblewrap under
// kBubblewrap). When it returns, no process of the run is left. Blocking; thread-safe
// (each call is independent), but the calling thread must not exit during the call.
Result<RunResult> Run(const RunSpec& spec);

}  // namespace clade::sandbox
