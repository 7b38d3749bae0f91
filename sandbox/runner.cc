#include "sandbox/runner.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <system_error>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/bwrap.h"
#include "sandbox/capture.h"
#include "sandbox/cgroup.h"
#include "sandbox/protections.h"
#include "sandbox/slot.h"
#include "sandbox/spawn.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::sandbox {

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kDefaultPath = "/usr/local/bin:/usr/bin:/bin";

bool LooksSecret(std::string name) {
  for (char& c : name) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  auto ends_with = [&](std::string_view suffix) {
    return name.size() >= suffix.size() && name.ends_with(suffix);
  };
  return name == "KEY" || name == "TOKEN" || ends_with("_KEY") || ends_with("_TOKEN") ||
         name.find("SECRET") != std::string::npos || name.find("PASSWORD") != std::string::npos ||
         name.find("API_KEY") != std::string::npos || name.find("APIKEY") != std::string::npos;
}

Result<> CheckSpec(const RunSpec& spec) {
  if (spec.argv.empty() || spec.argv[0].empty()) {
    return FailAs(ErrorKind::kUsage, "a sandboxed run needs a command");
  }
  if (!spec.cwd.is_absolute() || !fs::is_directory(spec.cwd)) {
    return FailAs(ErrorKind::kUsage, "working directory {} is not an existing absolute directory",
                  spec.cwd.string());
  }
  const Limits& l = spec.limits;
  if (!(l.wall_seconds > 0 && l.cpu_seconds > 0 && l.memory_bytes > 0 && l.file_size_bytes > 0 &&
        l.output_bytes > 0 && l.tmp_bytes > 0 && l.open_files > 0 && l.processes > 0)) {
    return FailAs(ErrorKind::kUsage, "every sandbox limit must be positive");
  }
  if (spec.stdout_path.empty()) {
    return FailAs(ErrorKind::kUsage, "a sandboxed run needs a file for its output");
  }
  for (const auto& [name, value] : spec.env) {
    if (name.empty() || name.find('=') != std::string::npos) {
      return FailAs(ErrorKind::kUsage, "bad environment variable name '{}'", name);
    }
    if (LooksSecret(name)) {
      return FailAs(ErrorKind::kUsage,
                    "refusing to pass {} into the sandbox: it looks like a secret", name);
    }
  }
  return {};
}

// A directory on the host that stands in for /tmp and $HOME when there is no bubblewrap.
class PrivateDir {
 public:
  static Result<PrivateDir> Make() {
    const char* base = std::getenv("TMPDIR");
    std::string pattern = fmt::format("{}/clade-run-XXXXXX", base && *base ? base : "/tmp");
    if (::mkdtemp(pattern.data()) == nullptr) {
      return Fail("cannot create {}: {}", pattern, ErrnoText(errno));
    }
    return PrivateDir(pattern);
  }
  PrivateDir(PrivateDir&& other) noexcept : path_(std::exchange(other.path_, {})) {}
  ~PrivateDir() {
    std::error_code ignored;
    if (!path_.empty()) fs::remove_all(path_, ignored);
  }
  const fs::path& path() const { return path_; }

 private:
  explicit PrivateDir(fs::path path) : path_(std::move(path)) {}
  fs::path path_;
};

std::map<std::string, std::string> Environment(const RunSpec& spec, const fs::path& tmp) {
  std::map<std::string, std::string> env = {{"PATH", kDefaultPath},
                                            {"HOME", tmp.string()},
                                            {"TMPDIR", tmp.string()},
                                            {"LANG", "C.UTF-8"}};
  for (const auto& [name, value] : spec.env) env[name] = value;
  return env;
}

std::vector<std::string> EnvEntries(const std::map<std::string, std::string>& env) {
  std::vector<std::string> entries;
  for (const auto& [name, value] : env) entries.push_back(name + "=" + value);
  return entries;
}

Result<fs::path> FindProgram(const std::string& name, const std::string& path_var,
                             const fs::path& cwd) {
  if (name.find('/') != std::string::npos)
    return fs::path(name).is_absolute() ? fs::path(name) : cwd / name;
  for (const auto& dir : Split(path_var, ':')) {
    fs::path candidate = (dir.empty() ? cwd : fs::path(dir)) / name;
    if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate)) return candidate;
  }
  return FailAs(ErrorKind::kNotFound, "cannot start {}: not found on PATH {}", name, path_var);
}

// Processes of this real uid now; RLIMIT_NPROC counts them all, not just the run's.
int CountUserProcesses() {
  int count = 0;
  DIR* dir = ::opendir("/proc");
  if (dir == nullptr) return 0;
  while (dirent* entry = ::readdir(dir)) {
    struct stat st;
    if (!std::isdigit(static_cast<unsigned char>(entry->d_name[0]))) continue;
    if (::fstatat(::dirfd(dir), entry->d_name, &st, 0) == 0 && st.st_uid == ::getuid()) ++count;
  }
  ::closedir(dir);
  return count;
}

std::vector<std::pair<int, struct rlimit>> Rlimits(const Limits& limits, const Cgroup& cgroup) {
  auto both = [](uint64_t value) { return rlimit{value, value}; };
  auto cpu = static_cast<rlim_t>(std::max(1.0, std::ceil(limits.cpu_seconds)));
  std::vector<std::pair<int, struct rlimit>> r = {
      {RLIMIT_CPU, rlimit{cpu, cpu + 1}},
      {RLIMIT_FSIZE, both(limits.file_size_bytes)},
      {RLIMIT_NOFILE, both(static_cast<uint64_t>(limits.open_files))},
      {RLIMIT_CORE, both(0)},
  };
  if (!cgroup.has_memory()) r.push_back({RLIMIT_AS, both(limits.memory_bytes)});
  if (!cgroup.has_pids() && ::geteuid() != 0) {
    r.push_back(
        {RLIMIT_NPROC, both(static_cast<uint64_t>(limits.processes + CountUserProcesses()))});
  }
  return r;
}

double Seconds(Clock::duration d) {
  return std::chrono::duration<double>(d).count();
}

// Everything one run holds while it is going; the destructor order (members in reverse)
// kills the child before the cgroup is removed.
struct Session {
  const RunSpec& spec;
  bool bubblewrap = false;
  std::optional<PrivateDir> private_dir;
  std::optional<Cgroup> cgroup;
  std::optional<CappedCapture> out, err;
  Fd info_read, info_write;
  Fd stdin_file;
  std::string info_text;
  std::optional<Child> child;
  Fd sandbox_init;  // pidfd of bubblewrap's PID 1, once known
  Clock::time_point start;
  bool exited = false, timed_out = false, output_killed = false, cpu_killed = false;
  bool disk_full = false;
  bool leftover = false;
};

// An anonymous file holding `text`, positioned at its start.
Result<Fd> MemoryFile(const std::string& text) {
  Fd fd(static_cast<int>(::syscall(SYS_memfd_create, "stdin", MFD_CLOEXEC)));
  if (!fd) return Fail("cannot create a memory file: {}", ErrnoText(errno));
  for (size_t done = 0; done < text.size();) {
    ssize_t n = ::write(fd.get(), text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return Fail("cannot fill a memory file: {}", ErrnoText(errno));
    done += static_cast<size_t>(n);
  }
  if (::lseek(fd.get(), 0, SEEK_SET) != 0) return Fail("cannot rewind a memory file");
  return fd;
}

Result<> OpenOutputs(Session& s) {
  s.out = CLADE_TRY(CappedCapture::Open(s.spec.stdout_path, s.spec.limits.output_bytes));
  if (!s.spec.stderr_path.empty()) {
    s.err = CLADE_TRY(CappedCapture::Open(s.spec.stderr_path, s.spec.limits.output_bytes));
  }
  if (s.spec.stdin_text) s.stdin_file = CLADE_TRY(MemoryFile(*s.spec.stdin_text));
  if (s.bubblewrap) {
    int fds[2];
    if (::pipe2(fds, O_CLOEXEC | O_NONBLOCK) != 0) {
      return Fail("cannot make a pipe: {}", ErrnoText(errno));
    }
    s.info_read = Fd(fds[0]);
    s.info_write = Fd(fds[1]);
  }
  return {};
}

Result<SpawnOptions> PlanSpawn(Session& s) {
  const RunSpec& spec = s.spec;
  auto env = Environment(spec, s.bubblewrap ? fs::path("/tmp") : s.private_dir->path());
  SpawnOptions o;
  o.env = EnvEntries(env);
  o.cwd = spec.cwd;
  o.stdin_fd = s.stdin_file.get();
  o.stdout_fd = s.out->write_fd();
  o.stderr_fd = s.err ? s.err->write_fd() : s.out->write_fd();
  o.rlimits = Rlimits(spec.limits, *s.cgroup);
  o.cgroup_procs_fds = s.cgroup->procs_fds();
  // Evaluations must be repeatable: a candidate patch with undefined behaviour otherwise
  // passes or fails a test by where ASLR put the stack and heap.
  o.fixed_address_layout = true;
  if (s.bubblewrap) {
    BwrapPlan plan;
    plan.bwrap = CurrentProtections().bubblewrap_path;
    plan.cwd = spec.cwd;
    plan.system = SystemView();
    plan.writable = spec.writable;
    plan.readonly = spec.readonly;
    plan.hidden = spec.hidden;
    plan.tmp_bytes = spec.limits.tmp_bytes;
    plan.drop_capabilities = ::geteuid() == 0;
    plan.info_fd = 3;
    plan.argv = spec.argv;
    o.argv = BwrapArgv(plan);
    o.extra_fd = s.info_write.get();
  } else {
    o.argv = spec.argv;
    o.argv[0] = CLADE_TRY(FindProgram(spec.argv[0], env["PATH"], spec.cwd)).string();
    o.new_namespaces = CurrentProtections().direct_namespaces;
  }
  return o;
}

void ReadInfo(Session& s) {
  char buffer[512];
  ssize_t n;
  while (s.info_read && (n = ::read(s.info_read.get(), buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return;  // EAGAIN: more later
    s.info_text.append(buffer, static_cast<size_t>(n));
  }
  s.info_read.Close();
  if (auto pid = ParseBwrapChildPid(s.info_text); pid && !s.sandbox_init) {
    s.sandbox_init = Fd(static_cast<int>(::syscall(SYS_pidfd_open, *pid, 0)));
  }
}

// Whether the capped file system the run writes to is full.
bool DiskFull(const Session& s) {
  return !s.spec.disk.empty() && FileSystemFull(s.spec.disk);
}

bool OverCpu(const Session& s) {
  auto cpu = s.cgroup->CpuSeconds();
  return cpu && *cpu > s.spec.limits.cpu_seconds;
}

// Polls the child, its output and bubblewrap's info pipe until the child exits or a
// limit hits.
Result<> Watch(Session& s) {
  auto deadline = s.start + std::chrono::duration_cast<Clock::duration>(
                                std::chrono::duration<double>(s.spec.limits.wall_seconds));
  bool out_open = true, err_open = s.err.has_value();
  for (;;) {
    pollfd fds[4] = {{s.child->pidfd(), POLLIN, 0},
                     {out_open ? s.out->read_fd() : -1, POLLIN, 0},
                     {err_open ? s.err->read_fd() : -1, POLLIN, 0},
                     {s.info_read ? s.info_read.get() : -1, POLLIN, 0}};
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
    int timeout = static_cast<int>(std::clamp<int64_t>(left.count() + 1, 0, 100));
    if (::poll(fds, 4, timeout) < 0 && errno != EINTR) {
      return Fail("cannot wait for the sandboxed command: {}", ErrnoText(errno));
    }
    if (out_open && fds[1].revents) out_open = CLADE_TRY(s.out->Pump());
    if (err_open && fds[2].revents) err_open = CLADE_TRY(s.err->Pump());
    if (fds[3].revents) ReadInfo(s);
    s.exited = fds[0].revents != 0;
    s.timed_out = !s.exited && Clock::now() >= deadline;
    s.output_killed =
        s.spec.kill_on_output_cap && (s.out->truncated() || (s.err && s.err->truncated()));
    s.cpu_killed = OverCpu(s);
    s.disk_full = DiskFull(s);
    if (s.exited || s.timed_out || s.output_killed || s.cpu_killed || s.disk_full) return {};
  }
}

// Waits up to two seconds for a pidfd to report its process gone.
bool WaitGone(const Fd& pidfd) {
  if (!pidfd) return true;
  pollfd p{pidfd.get(), POLLIN, 0};
  return ::poll(&p, 1, 2000) == 1;
}

// Ends every process of the run; returns the command's exit information.
Result<ExitInfo> EndTree(Session& s) {
  if (!s.exited) s.child->Signal(SIGKILL);
  if (!s.bubblewrap) ::kill(-s.child->pid(), SIGKILL);  // its process group (setsid)
  auto info = s.child->Wait();
  if (!s.bubblewrap) ::kill(-s.child->pid(), SIGKILL);
  if (s.info_read) ReadInfo(s);
  bool gone = WaitGone(s.sandbox_init);
  s.leftover = !(s.cgroup->KillAll() && gone);
  return info;
}

void Drain(CappedCapture& capture) {
  for (int round = 0; round < 16; ++round) {
    auto more = capture.Pump();
    if (!more || !*more) return;
  }
}

// A signal number hidden in an exit code 128+N, as bubblewrap and shells report one.
int ShellSignal(int exit_code) {
  return exit_code > 128 && exit_code <= 192 ? exit_code - 128 : 0;
}

RunStatus Classify(const Session& s, const RunResult& r) {
  int sig = r.signal ? r.signal : ShellSignal(r.exit_code);
  if (s.timed_out) return RunStatus::kTimeout;
  if (s.output_killed) return RunStatus::kOutputLimit;
  if (s.disk_full) return RunStatus::kDiskLimit;
  if (r.exit_code == 0) return RunStatus::kOk;
  if (s.cgroup->OomKilled()) return RunStatus::kMemoryLimit;
  if (s.cpu_killed || sig == SIGXCPU) return RunStatus::kCpuLimit;
  if (sig == SIGKILL && r.cpu_seconds >= s.spec.limits.cpu_seconds) return RunStatus::kCpuLimit;
  if (sig == SIGXFSZ) return RunStatus::kFileSizeLimit;
  if (r.signal) return RunStatus::kSignaled;
  return RunStatus::kExitNonzero;
}

RunResult Collect(Session& s, const ExitInfo& info) {
  RunResult r;
  r.wall_seconds = Seconds(Clock::now() - s.start);
  if (WIFEXITED(info.status)) r.exit_code = WEXITSTATUS(info.status);
  if (WIFSIGNALED(info.status)) r.signal = WTERMSIG(info.status);
  if (s.bubblewrap && ShellSignal(r.exit_code)) {
    r.signal = ShellSignal(r.exit_code);  // bubblewrap turns a signal into 128+N
    r.exit_code = -1;
  }
  auto tv = [](const timeval& t) { return static_cast<double>(t.tv_sec) + t.tv_usec / 1e6; };
  r.cpu_seconds =
      s.cgroup->CpuSeconds().value_or(tv(info.usage.ru_utime) + tv(info.usage.ru_stime));
  r.peak_memory_bytes = s.cgroup->PeakMemoryBytes();
  if (!r.peak_memory_bytes && !s.bubblewrap) {
    r.peak_memory_bytes = static_cast<uint64_t>(info.usage.ru_maxrss) * 1024;
  }
  r.process_limit_hit = s.cgroup->ProcessLimitHit();
  r.status = Classify(s, r);
  r.stdout_path = s.out->path();
  r.stdout_bytes = s.out->total_bytes();
  r.stdout_truncated = s.out->truncated();
  r.stderr_path = s.err ? s.err->path() : s.out->path();
  r.stderr_bytes = s.err ? s.err->total_bytes() : 0;
  r.stderr_truncated = s.err && s.err->truncated();
  r.bubblewrap = s.bubblewrap;
  return r;
}

Result<bool> ChooseBubblewrap(Isolation isolation) {
  const Protections& p = CurrentProtections();
  if (isolation == Isolation::kDirect) return false;
  if (p.bubblewrap) return true;
  if (isolation == Isolation::kAuto) return false;
  return Fail("bubblewrap is required but not usable here: {}",
              p.bubblewrap_path.empty() ? "bwrap is not installed" : p.bubblewrap_problem);
}

}  // namespace

std::string_view StatusName(RunStatus status) {
  switch (status) {
    case RunStatus::kOk:
      return "ok";
    case RunStatus::kExitNonzero:
      return "exited_nonzero";
    case RunStatus::kSignaled:
      return "signaled";
    case RunStatus::kTimeout:
      return "timeout";
    case RunStatus::kMemoryLimit:
      return "memory_limit";
    case RunStatus::kCpuLimit:
      return "cpu_limit";
    case RunStatus::kFileSizeLimit:
      return "file_size_limit";
    case RunStatus::kOutputLimit:
      return "output_limit";
    case RunStatus::kDiskLimit:
      return "disk_limit";
  }
  return "unknown";
}

std::vector<std::string> ShellArgv(std::string_view command) {
  return {"/bin/sh", "-c", std::string(command)};
}

Result<RunResult> Run(const RunSpec& spec) {
  CLADE_TRY(CheckSpec(spec));
  Session s{spec};
  s.bubblewrap = CLADE_TRY(ChooseBubblewrap(spec.isolation));
  if (!s.bubblewrap) s.private_dir.emplace(CLADE_TRY(PrivateDir::Make()));
  s.cgroup.emplace(Cgroup::Create({spec.limits.memory_bytes, spec.limits.processes}));
  CLADE_TRY(OpenOutputs(s));
  SpawnOptions options = CLADE_TRY(PlanSpawn(s));
  s.start = Clock::now();
  s.child.emplace(CLADE_TRY(Spawn(options)));
  s.out->CloseWriteEnd();
  if (s.err) s.err->CloseWriteEnd();
  s.info_write.Close();
  CLADE_TRY(Watch(s));
  ExitInfo info = CLADE_TRY(EndTree(s));
  s.disk_full = s.disk_full || DiskFull(s);  // filled, then exited (ENOSPC)
  Drain(*s.out);
  if (s.err) Drain(*s.err);
  RunResult result = Collect(s, info);
  result.leftover_processes = s.leftover || s.cgroup->ProcessCount() > 0;
  return result;
}

}  // namespace clade::sandbox
