#include "sandbox/spawn.h"

#include <cerrno>
#include <cstdint>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sys/personality.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/fs.h"

namespace clade::sandbox {

namespace {

// The steps of the child's setup, so a failure can say which one failed.
enum class Step : int { kCgroup = 1, kFork, kFds, kChdir, kRlimit, kExec };

const char* StepText(Step step) {
  switch (step) {
    case Step::kCgroup:
      return "joining the cgroup";
    case Step::kFork:
      return "starting the command under its init";
    case Step::kFds:
      return "setting up descriptors";
    case Step::kChdir:
      return "entering the working directory";
    case Step::kRlimit:
      return "setting resource limits";
    case Step::kExec:
      return "exec";
  }
  return "setup";
}

struct ChildFailure {
  Step step;
  int err;
};

// Layout of the kernel's struct clone_args, first version (64 bytes).
struct CloneArgs {
  uint64_t flags = 0;
  uint64_t pidfd = 0;
  uint64_t child_tid = 0;
  uint64_t parent_tid = 0;
  uint64_t exit_signal = 0;
  uint64_t stack = 0;
  uint64_t stack_size = 0;
  uint64_t tls = 0;
};

// Everything the child needs, prepared before the fork: after it only async-signal-safe
// calls are allowed, because another thread of the parent may hold any lock.
struct Prepared {
  std::vector<char*> argv;
  std::vector<char*> envp;
  const char* cwd;
  int fds[4];
  const SpawnOptions* options;
  pid_t parent;
  int error_fd;
  int status_fd;  // the init writes the command's wait status here (namespaces only)
};

[[noreturn]] void ChildFail(const Prepared& p, Step step) {
  ChildFailure failure{step, errno};
  [[maybe_unused]] ssize_t n = ::write(p.error_fd, &failure, sizeof failure);
  ::_exit(127);
}

// PID 1 of a new PID namespace: starts the command as PID 2, reaps every orphan, and
// when the command ends reports its wait status and exits, which makes the kernel kill
// whatever is left in the namespace. The command is not PID 1 itself because PID 1
// ignores the signals it sends itself (abort, SIGXFSZ, SIGXCPU...). Returns in the
// command's process.
void RunInit(const Prepared& p) {
  pid_t command = static_cast<pid_t>(::syscall(SYS_clone, SIGCHLD, 0, 0, 0, 0));
  if (command == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    return;
  }
  if (command < 0) ChildFail(p, Step::kFork);
  // Hold nothing the parent waits on (output pipes, the exec report) but the status pipe.
  if (p.status_fd > 0) ::syscall(SYS_close_range, 0, p.status_fd - 1, 0);
  ::syscall(SYS_close_range, p.status_fd + 1, ~0U, 0);
  for (;;) {
    int status;
    pid_t pid = ::waitpid(-1, &status, 0);
    if (pid == command) {
      [[maybe_unused]] ssize_t n = ::write(p.status_fd, &status, sizeof status);
      ::_exit(0);
    }
    if (pid < 0 && errno != EINTR) ::_exit(0);
  }
}

// Runs in the child between clone and exec.
[[noreturn]] void ChildMain(const Prepared& p) {
  struct sigaction dfl {};
  dfl.sa_handler = SIG_DFL;
  for (int sig = 1; sig < NSIG; ++sig) ::sigaction(sig, &dfl, nullptr);
  sigset_t none;
  ::sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);

  ::setsid();
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (!p.options->new_namespaces && ::getppid() != p.parent) ::_exit(127);

  for (int fd : p.options->cgroup_procs_fds) {
    if (::write(fd, "0", 1) != 1) ChildFail(p, Step::kCgroup);
  }
  if (p.options->new_namespaces) RunInit(p);
  // Move the sources above the targets first, so no dup2 clobbers a later source.
  int high[4];
  for (int i = 0; i < 4; ++i) {
    high[i] = p.fds[i] < 0 ? -1 : ::fcntl(p.fds[i], F_DUPFD, 10);
    if (p.fds[i] >= 0 && high[i] < 0) ChildFail(p, Step::kFds);
  }
  for (int i = 0; i < 4; ++i) {
    if (high[i] >= 0 && ::dup2(high[i], i) < 0) ChildFail(p, Step::kFds);
  }
  int first_closed = high[3] >= 0 ? 4 : 3;
  if (::syscall(SYS_close_range, first_closed, ~0U, 4 /* CLOSE_RANGE_CLOEXEC */) != 0) {
    for (int fd = first_closed; fd < 65536; ++fd) {
      if (fd != p.error_fd) ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    }
  }
  if (::chdir(p.cwd) != 0) ChildFail(p, Step::kChdir);
  for (const auto& [resource, limit] : p.options->rlimits) {
    if (::setrlimit(resource, &limit) != 0) ChildFail(p, Step::kRlimit);
  }
  if (p.options->fixed_address_layout) {
    // Best effort: where a seccomp filter forbids it, runs are only less repeatable.
    const int current = ::personality(0xffffffff);
    if (current >= 0) ::personality(static_cast<unsigned long>(current) | ADDR_NO_RANDOMIZE);
  }
  ::execve(p.argv[0], p.argv.data(), p.envp.data());
  ChildFail(p, Step::kExec);
}

// clone3 with a pidfd; falls back to fork + pidfd_open on kernels without clone3.
// Returns the pid (0 in the child) and sets *pidfd in the parent.
pid_t CloneWithPidfd(bool new_namespaces, int* pidfd) {
  CloneArgs args;
  args.flags = CLONE_PIDFD | (new_namespaces ? CLONE_NEWPID | CLONE_NEWNET : 0);
  args.pidfd = reinterpret_cast<uint64_t>(pidfd);
  args.exit_signal = SIGCHLD;
  long pid = ::syscall(SYS_clone3, &args, sizeof args);
  if (pid >= 0 || errno != ENOSYS || new_namespaces) return static_cast<pid_t>(pid);
  pid = ::fork();
  if (pid > 0) *pidfd = static_cast<int>(::syscall(SYS_pidfd_open, pid, 0));
  return static_cast<pid_t>(pid);
}

// Reads the child's setup report: nothing (EOF) means exec succeeded.
Result<> ReadChildFailure(int fd, const std::string& program) {
  ChildFailure failure{};
  ssize_t n;
  do {
    n = ::read(fd, &failure, sizeof failure);
  } while (n < 0 && errno == EINTR);
  if (n != static_cast<ssize_t>(sizeof failure)) return {};
  return Fail("cannot start {}: {} failed: {}", program, StepText(failure.step),
              ErrnoText(failure.err));
}

}  // namespace

Child::~Child() {
  if (pid_ <= 0 || reaped_) return;
  Signal(SIGKILL);
  int status;
  while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
}

Child::Child(Child&& other) noexcept
    : pid_(std::exchange(other.pid_, -1)),
      pidfd_(std::move(other.pidfd_)),
      init_status_(std::move(other.init_status_)),
      reaped_(other.reaped_) {}

void Child::Signal(int sig) const {
  if (pid_ <= 0 || reaped_) return;
  if (pidfd_.valid() && ::syscall(SYS_pidfd_send_signal, pidfd_.get(), sig, nullptr, 0) == 0) {
    return;
  }
  ::kill(pid_, sig);
}

Result<ExitInfo> Child::Wait() {
  ExitInfo info;
  pid_t got;
  do {
    got = ::wait4(pid_, &info.status, 0, &info.usage);
  } while (got < 0 && errno == EINTR);
  if (got != pid_) return Fail("cannot wait for process {}: {}", pid_, ErrnoText(errno));
  reaped_ = true;
  // Under an init, the command's own status, if it ended before the init was killed.
  int status;
  if (init_status_ && ::read(init_status_.get(), &status, sizeof status) == sizeof status) {
    info.status = status;
  }
  return info;
}

Result<Child> Spawn(const SpawnOptions& options) {
  if (options.argv.empty() || options.argv[0].empty() || options.argv[0][0] != '/') {
    return FailAs(ErrorKind::kUsage, "spawn needs an absolute program path");
  }
  Fd dev_null(::open("/dev/null", O_RDWR | O_CLOEXEC));
  if (!dev_null) return Fail("cannot open /dev/null: {}", ErrnoText(errno));
  int error_pipe[2];
  if (::pipe2(error_pipe, O_CLOEXEC) != 0) return Fail("cannot make a pipe: {}", ErrnoText(errno));
  Fd error_read(error_pipe[0]), error_write(error_pipe[1]);
  int status_pipe[2] = {-1, -1};
  if (options.new_namespaces && ::pipe2(status_pipe, O_CLOEXEC | O_NONBLOCK) != 0) {
    return Fail("cannot make a pipe: {}", ErrnoText(errno));
  }
  Fd status_read(status_pipe[0]), status_write(status_pipe[1]);

  Prepared p;
  for (const auto& arg : options.argv) p.argv.push_back(const_cast<char*>(arg.c_str()));
  p.argv.push_back(nullptr);
  for (const auto& entry : options.env) p.envp.push_back(const_cast<char*>(entry.c_str()));
  p.envp.push_back(nullptr);
  p.cwd = options.cwd.c_str();
  auto or_null = [&](int fd) { return fd >= 0 ? fd : dev_null.get(); };
  p.fds[0] = or_null(options.stdin_fd);
  p.fds[1] = or_null(options.stdout_fd);
  p.fds[2] = or_null(options.stderr_fd);
  p.fds[3] = options.extra_fd;
  p.options = &options;
  p.parent = ::getpid();
  p.error_fd = error_write.get();
  p.status_fd = status_write.get();

  int pidfd = -1;
  pid_t pid = CloneWithPidfd(options.new_namespaces, &pidfd);
  if (pid == 0) ChildMain(p);
  if (pid < 0) return Fail("cannot start {}: {}", options.argv[0], ErrnoText(errno));
  Child child(pid, Fd(pidfd), std::move(status_read));
  error_write.Close();
  status_write.Close();
  CLADE_TRY(ReadChildFailure(error_read.get(), options.argv[0]));
  return child;
}

}  // namespace clade::sandbox
