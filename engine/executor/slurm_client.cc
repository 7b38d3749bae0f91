#include "engine/executor/slurm_client.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>

#include <fmt/format.h>
#include <poll.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/spawn.h"
#include "support/fd.h"
#include "support/strings.h"

extern char** environ;

namespace clade::executor {

namespace {

namespace fs = std::filesystem;

struct ToolOutput {
  int exit_code = -1;
  std::string out;
  std::string err;
};

std::optional<fs::path> FindOnPath(const std::string& name) {
  const char* path = std::getenv("PATH");
  std::string dirs = path ? path : "/usr/local/bin:/usr/bin:/bin";
  for (std::string_view dir : Split(dirs, ':')) {
    if (dir.empty()) continue;
    fs::path candidate = fs::path(std::string(dir)) / name;
    if (::access(candidate.c_str(), X_OK) == 0) return candidate;
  }
  return std::nullopt;
}

Result<Fd> MemoryFile(const char* name) {
  int fd = ::memfd_create(name, MFD_CLOEXEC);
  if (fd < 0) return Fail("memfd_create: {}", std::strerror(errno));
  return Fd(fd);
}

std::string ReadAll(const Fd& fd) {
  std::string text;
  ::lseek(fd.get(), 0, SEEK_SET);
  char buffer[4096];
  ssize_t n = 0;
  while ((n = ::read(fd.get(), buffer, sizeof buffer)) > 0)
    text.append(buffer, static_cast<size_t>(n));
  return text;
}

// Runs a Slurm command with this process's environment; waits at most `timeout` seconds.
// Spawn starts it in a session of its own, so a Ctrl-C at the terminal (which asks clade
// run to finish its children) never kills an sbatch half way through a submission.
Result<ToolOutput> RunTool(const std::vector<std::string>& argv, double timeout) {
  auto program = FindOnPath(argv.at(0));
  if (!program) return Fail("'{}' is not on PATH (is this a Slurm submit host?)", argv[0]);
  Fd out = CLADE_TRY(MemoryFile("slurm-out"));
  Fd err = CLADE_TRY(MemoryFile("slurm-err"));
  sandbox::SpawnOptions options;
  options.argv = argv;
  options.argv[0] = program->string();
  for (char** entry = environ; *entry; ++entry) options.env.emplace_back(*entry);
  options.cwd = "/";
  options.stdout_fd = out.get();
  options.stderr_fd = err.get();
  sandbox::Child child = CLADE_TRY(sandbox::Spawn(options));
  struct pollfd ready = {child.pidfd(), POLLIN, 0};
  int waited = ::poll(&ready, 1, static_cast<int>(timeout * 1000));
  if (waited == 0) {
    child.Signal(SIGKILL);
    (void)child.Wait();
    return Fail("'{}' did not answer in {} s (is slurmctld up?)", argv[0], timeout);
  }
  sandbox::ExitInfo info = CLADE_TRY(child.Wait());
  ToolOutput output;
  output.exit_code = WIFEXITED(info.status) ? WEXITSTATUS(info.status) : 128;
  output.out = ReadAll(out);
  output.err = ReadAll(err);
  return output;
}

std::string FirstWord(std::string_view text) {
  text = Trim(text);
  size_t end = text.find_first_of(" \t\n");
  return std::string(text.substr(0, end));
}

class CommandSlurmClient : public SlurmClient {
 public:
  explicit CommandSlurmClient(double timeout) : timeout_(timeout) {}

  Result<std::string> Submit(const std::vector<std::string>& args,
                             const fs::path& script) override {
    std::vector<std::string> argv = {"sbatch", "--parsable"};
    argv.insert(argv.end(), args.begin(), args.end());
    argv.push_back(script.string());
    ToolOutput output = CLADE_TRY(RunTool(argv, timeout_));
    // --parsable prints "ID" or "ID;CLUSTER".
    std::string id = FirstWord(output.out.substr(0, output.out.find(';')));
    if (output.exit_code != 0 || id.empty() ||
        id.find_first_not_of("0123456789_") != std::string::npos) {
      return Fail("sbatch refused the job {}: {}", script.string(),
                  std::string(Trim(output.err + output.out)));
    }
    return id;
  }

  Result<std::string> State(const std::string& job) override {
    ToolOutput queue =
        CLADE_TRY(RunTool({"squeue", "-h", "-t", "all", "-j", job, "-o", "%T"}, timeout_));
    if (queue.exit_code == 0) {
      std::string state = FirstWord(queue.out);
      if (!state.empty()) return state;
    }
    // Purged from the controller's memory: accounting may still know it.
    ToolOutput accounting =
        CLADE_TRY(RunTool({"sacct", "-n", "-X", "-P", "-j", job, "-o", "State"}, timeout_));
    if (accounting.exit_code == 0) return FirstWord(accounting.out);
    return std::string();
  }

  Result<std::optional<std::string>> FindActive(const std::string& name) override {
    ToolOutput queue =
        CLADE_TRY(RunTool({"squeue", "-h", "--me", "-t",
                           "PENDING,CONFIGURING,RUNNING,COMPLETING,SUSPENDED", "-n", name, "-o", "%i"},
                          timeout_));
    if (queue.exit_code != 0) {
      return Fail("squeue failed: {}", std::string(Trim(queue.err)));
    }
    std::optional<std::string> newest;
    for (std::string_view line : Split(queue.out, '\n')) {
      std::string id(Trim(line));
      if (id.empty()) continue;
      if (!newest || std::stoull(id) > std::stoull(*newest)) newest = id;
    }
    return newest;
  }

  Result<> Cancel(const std::string& job) override {
    ToolOutput output = CLADE_TRY(RunTool({"scancel", job}, timeout_));
    if (output.exit_code != 0) {
      return Fail("scancel {} failed: {}", job, std::string(Trim(output.err)));
    }
    return {};
  }

 private:
  double timeout_;
};

}  // namespace

JobPhase PhaseOfState(const std::string& text) {
  std::string state = FirstWord(text);
  if (state.empty()) return JobPhase::kUnknown;
  if (state == "COMPLETED") return JobPhase::kCompleted;
  if (state == "FAILED" || state == "BOOT_FAIL" || state == "SPECIAL_EXIT")
    return JobPhase::kFailed;
  if (state == "CANCELLED" || state == "PREEMPTED" || state == "REVOKED")
    return JobPhase::kCancelled;
  if (state == "TIMEOUT" || state == "DEADLINE") return JobPhase::kTimeout;
  if (state == "NODE_FAIL") return JobPhase::kNodeFail;
  if (state == "OUT_OF_MEMORY") return JobPhase::kOutOfMemory;
  return JobPhase::kActive;  // PENDING, RUNNING, COMPLETING, CONFIGURING, SUSPENDED, ...
}

EvalStatus StatusOfPhase(JobPhase phase) {
  switch (phase) {
    case JobPhase::kCompleted:
      return EvalStatus::kJobNoResult;
    case JobPhase::kFailed:
      return EvalStatus::kJobFailed;
    case JobPhase::kCancelled:
      return EvalStatus::kJobCancelled;
    case JobPhase::kTimeout:
      return EvalStatus::kJobTimeout;
    case JobPhase::kNodeFail:
      return EvalStatus::kJobNodeFail;
    case JobPhase::kOutOfMemory:
      return EvalStatus::kJobOutOfMemory;
    case JobPhase::kUnknown:
    case JobPhase::kActive:
      break;
  }
  return EvalStatus::kJobLost;
}

std::unique_ptr<SlurmClient> MakeSlurmClient(double timeout_seconds) {
  return std::make_unique<CommandSlurmClient>(timeout_seconds);
}

bool SlurmCommandsFound() {
  return FindOnPath("sbatch").has_value();
}

}  // namespace clade::executor
