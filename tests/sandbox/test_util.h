// Shared by the sandbox tests: a workspace and log directory per test, the hostile
// program, and a way to find processes a run left behind.
#pragma once

#include <string>
#include <vector>

#include "sandbox/runner.h"
#include "support/fs.h"

namespace clade::sandbox::testing {

// A unique word put on the command line of every process a test starts.
std::string NewMarker();

// How many live processes on this machine carry the marker in their argv.
int ProcessesWithMarker(const std::string& marker);

// Whether this machine can run the isolation at all (bubblewrap usable; for kDirect the
// tree can be killed as a whole through a PID namespace or a cgroup).
bool Supported(Isolation isolation);
const char* IsolationName(Isolation isolation);

struct Fixture {
  TempDir workspace{"sandbox-ws"};
  TempDir logs{"sandbox-logs"};
  std::string marker = NewMarker();

  // A spec running the hostile program: hostile MODE MARKER ARGS...
  RunSpec Hostile(const std::string& mode, const std::vector<std::string>& args = {},
                  Isolation isolation = Isolation::kAuto) const;
  // A spec running a shell command in the workspace.
  RunSpec Shell(const std::string& command, Isolation isolation = Isolation::kAuto) const;
  std::string Stdout(const RunResult& result) const;
};

}  // namespace clade::sandbox::testing

// Catch2 v2 has no SKIP: a test that cannot run here warns and passes.
#define CLADE_SKIP_UNLESS(condition, why) \
  if (!(condition)) {                     \
    WARN("skipped: " why);                \
    return;                               \
  }

// Runs the test case once per isolation mode (a Catch2 generator).
#define CLADE_EACH_ISOLATION() \
  GENERATE(::clade::sandbox::Isolation::kBubblewrap, ::clade::sandbox::Isolation::kDirect)
