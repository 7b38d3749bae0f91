// Building an agent and running it on one benchmark task, both inside the sandbox.
//
// Each build slot is a persistent pair of directories, <work>/slot-N/src and
// <work>/slot-N/build: moving a slot from one variant to the next rewrites only the files
// that differ and rebuilds only what they affect. All slots share <work>/ccache.
// Thread safety: one slot is used by one thread at a time; tasks may run in parallel.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "sandbox/agent_spec.h"
#include "sandbox/runner.h"
#include "sandbox/suite.h"
#include "support/error.h"

namespace clade::sandbox {

struct HarnessOptions {
  std::filesystem::path work;                 // slots, scratch space and the shared ccache
  std::vector<std::filesystem::path> hidden;  // never visible to agents (e.g. the archive)
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  Isolation isolation = Isolation::kAuto;
  // A Unix socket serving the model (engine/model/model_proxy.h); when set, each agent run
  // (never a build step) sees it at the same path and gets CLADE_MODEL_SOCKET naming it.
  std::filesystem::path model_socket;
};

struct BuildOutcome {
  std::string status;  // "ok", "build_failed", "build_timeout", "build_limit"
  double seconds = 0;
  std::string log;  // the build commands' output (capped)
  std::filesystem::path src;
  std::filesystem::path build;
  int files_written = 0;  // by the sync into the slot
  bool ok() const { return status == "ok"; }
};

// Syncs `source` into slot `slot` and runs the agent's build steps there.
// Errors only when the sandbox cannot run at all; a failing build is a BuildOutcome.
Result<BuildOutcome> BuildAgent(const HarnessOptions& options, const AgentSpec& spec,
                                const std::filesystem::path& source, int slot);

struct TaskOutcome {
  std::string id;
  double score = 0;    // fraction of hidden tests passed
  std::string status;  // solved, partial, unsolved, no_result, agent_<limit>, test_<limit>
  double seconds = 0;      // agent plus hidden test, wall clock
  double cpu_seconds = 0;  // agent plus hidden test, CPU time of their process trees
  int passed = 0;
  int failed = 0;
  std::string log;  // agent output, then the hidden test's output
};

// Runs the built agent on `task` in a fresh copy of its workspace, then scores the
// workspace with the hidden tests. Errors only when the sandbox cannot run at all.
Result<TaskOutcome> RunTask(const HarnessOptions& options, const AgentSpec& spec,
                            const BuildOutcome& build, const Suite& suite, const Task& task);

}  // namespace clade::sandbox
