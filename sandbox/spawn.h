// Starting one child process with its descriptors, limits and cgroups set before exec.
// The lowest layer of the sandbox: no policy, no waiting loop (see runner.h for those).
#pragma once

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

#include <sys/resource.h>
#include <sys/types.h>

#include "support/error.h"
#include "support/fd.h"

namespace clade::sandbox {

namespace fs = std::filesystem;

struct SpawnOptions {
  // argv[0] must be an absolute path; nothing is looked up on PATH here.
  std::vector<std::string> argv;
  // The whole environment, as "NAME=value" entries. Nothing is inherited.
  std::vector<std::string> env;
  // The child's working directory (must exist).
  fs::path cwd;
  // Descriptors (owned by the caller) that become the child's 0, 1 and 2; -1 means
  // /dev/null. extra_fd, if not -1, becomes the child's descriptor 3. Every other
  // descriptor is closed at exec.
  int stdin_fd = -1;
  int stdout_fd = -1;
  int stderr_fd = -1;
  int extra_fd = -1;
  // Resource limits set (soft = hard unless given) in the child before exec.
  std::vector<std::pair<int, struct rlimit>> rlimits;
  // Open "cgroup.procs" files (owned by the caller); the child writes itself into each
  // before exec, so everything it ever starts is inside them from the first instruction.
  std::vector<int> cgroup_procs_fds;
  // Start the child in new PID and network namespaces (needs CAP_SYS_ADMIN). The child
  // is then a small init (PID 1) that runs the command as PID 2 and reaps orphans; when
  // the command exits the init exits too, and the kernel kills everything left inside.
  // Killing the child kills the whole namespace.
  bool new_namespaces = false;
  // Turn off address space randomisation for the child and all it starts
  // (personality ADDR_NO_RANDOMIZE), so a program that reads memory it never wrote (an
  // out-of-bounds index, an uninitialised local) reads the same bytes on every run. Best
  // effort: ignored where the personality call is refused.
  bool fixed_address_layout = false;
};

// Exit information of a reaped child.
struct ExitInfo {
  int status = 0;  // as from wait4
  struct rusage usage {};
};

// A started child. Owns its pidfd; the destructor kills (SIGKILL) and reaps the child if
// it was not reaped yet, so a child never outlives an error path. Not thread-safe; a
// Child is used by the thread that spawned it (PR_SET_PDEATHSIG is tied to that thread).
class Child {
 public:
  // init_status: where an init (see SpawnOptions::new_namespaces) reports the command's
  // wait status; invalid when the child is the command itself.
  Child(pid_t pid, Fd pidfd, Fd init_status = Fd())
      : pid_(pid), pidfd_(std::move(pidfd)), init_status_(std::move(init_status)) {}
  ~Child();
  Child(Child&& other) noexcept;
  Child& operator=(Child&&) = delete;
  Child(const Child&) = delete;
  Child& operator=(const Child&) = delete;

  pid_t pid() const { return pid_; }
  // Readable (POLLIN) once the child has exited.
  int pidfd() const { return pidfd_.get(); }
  // Sends a signal to the child only (never to a recycled pid: goes through the pidfd).
  void Signal(int sig) const;
  // Blocks until the child exits, then reaps it; under an init, the status is the
  // command's. REQUIRES: not reaped yet.
  Result<ExitInfo> Wait();

 private:
  pid_t pid_ = -1;
  Fd pidfd_;
  Fd init_status_;
  bool reaped_ = false;
};

// Starts the child. Fails (and leaves no process behind) if the child could not be set
// up or exec failed; the error names argv[0] and the step that failed.
Result<Child> Spawn(const SpawnOptions& options);

}  // namespace clade::sandbox
