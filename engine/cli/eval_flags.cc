#include "engine/cli/eval_flags.h"

#include <unistd.h>

namespace clade::cli {

namespace fs = std::filesystem;

void AddEvalOptions(CLI::App& command, EvalFlags* eval) {
  command.add_option("--benchmark", eval->benchmark, "The suite's directory or suite.yaml")
      ->required();
  command.add_option("--tasks", eval->tasks, "Only the first N tasks (default: all)");
  command.add_option("--workers", eval->workers, "Tasks run in parallel (default: cores)");
  command
      .add_option("--repeats", eval->repeats,
                  "Run each task N times; the score is the mean, shown with its standard error "
                  "(default 1)")
      ->check(CLI::Range(1, 20));
  command.add_flag("--adaptive-repeats", eval->adaptive_repeats,
                   "Run each task twice, and the rest of --repeats only where those two disagree");
  SandboxFlags* flags = &eval->sandbox;
  command.add_option("--work", flags->work,
                     "Build slots and scratch space (default: ~/.cache/clade/work)");
  command.add_flag("--require-isolation", flags->require_isolation,
                   "Refuse to run unless bubblewrap isolation works here");
  command
      .add_option("--read-only", flags->read_only,
                  "A host path every sandboxed step may read, e.g. /opt/toolchain "
                  "(repeatable; the default view is listed by 'clade doctor')")
      ->allow_extra_args(false);  // one path per --read-only: never the positional after it
  command
      .add_option("--disk-mb", flags->disk_mb,
                  "Cap on a child's build slot and workspaces, in MiB (default 2048; as root)")
      ->check(CLI::Range(uint64_t{16}, uint64_t{1} << 30));
}

Result<sandbox::Repeats> RepeatsFrom(const EvalFlags& flags) {
  if (flags.adaptive_repeats && flags.repeats < 3) {
    return FailAs(ErrorKind::kUsage,
                  "--adaptive-repeats runs every task twice and the rest of --repeats where "
                  "those disagree: it needs --repeats 3 or more");
  }
  return sandbox::Repeats{.count = flags.repeats, .adaptive = flags.adaptive_repeats};
}

int TaskWorkers(const EvalFlags& flags) {
  return flags.workers > 0 ? flags.workers : static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
}

Result<sandbox::HarnessOptions> HarnessFrom(const SandboxFlags& flags, const fs::path& work,
                                            std::vector<fs::path> hidden) {
  sandbox::HarnessOptions harness{
      .work = work, .hidden = std::move(hidden), .disk_mb = flags.disk_mb};
  for (const std::string& text : flags.read_only) {
    fs::path path(text);
    std::error_code error;
    if (!path.is_absolute() || !fs::exists(path, error)) {
      return FailAs(ErrorKind::kUsage, "--read-only {}: not an absolute path that exists", text);
    }
    harness.read_only.push_back(path.lexically_normal());
  }
  if (flags.require_isolation) harness.isolation = sandbox::Isolation::kBubblewrap;
  return harness;
}

}  // namespace clade::cli
