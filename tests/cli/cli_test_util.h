// Helpers for the CLI tests: running the real `clade` binary and `git` as subprocesses
// (stdout and stderr kept apart), and a small archive with a known lineage and records.
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>
#include <sys/types.h>

#include "support/fs.h"

namespace clade::cli_test {

namespace fs = std::filesystem;

struct Run {
  int exit_code = -1;
  std::string out;
  std::string err;
};

// The clade binary under test.
fs::path CladeBinary();
// Runs build/clade with `args` in `cwd` (default: the current directory).
Run Clade(const std::vector<std::string>& args, const fs::path& cwd = {});
// Starts build/clade with `args` in the background, stdout and stderr to /dev/null, for a
// test that kills it. The caller waits for the returned pid.
pid_t StartClade(const std::vector<std::string>& args);
// Runs git with `args` in the current directory.
Run Git(const std::vector<std::string>& args);
// The lines of run.err that say why a command failed (clade's "clade: ..." sentences, a
// sanitizer's or the C++ runtime's report), with the exit code: INFO it before the whole
// of stderr, so that a log cut after its first lines (as CI's summary is) still shows why.
std::string Why(const Run& run);
// Parses stdout as JSON; fails the test (via an exception) if it is not.
nlohmann::json Json(const Run& run);

// Polls `ready` every 20 ms until it returns true (true) or `seconds` pass (false).
template <typename Ready>
bool WaitFor(Ready ready, double seconds) {
  auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
  while (std::chrono::steady_clock::now() < deadline) {
    if (ready()) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return false;
}

// Writes under `dir` the suite "tiny": tasks t1 and t2 whose workspace holds answer.txt
// saying "wrong", and whose hidden test makes two checks: answer.txt exists, it says
// "right" (an agent writing "right" scores 1, one leaving it scores 0.5).
void WriteAnswerSuite(const fs::path& dir);

// Writes under `dir` the agent "agent" (square: src/agent.cc writes n*n+1 for the n in
// n.txt; one planted mistake at the line `  return x * x + 1;`) and the suite "squares"
// (tasks n03 and n05, each solved by writing n*n), for the model-driven run tests.
void WriteSquareProject(const fs::path& dir);

// A temporary workspace with agent directories and an archive path `archive` in it.
class Workspace {
 public:
  Workspace();
  const fs::path& root() const { return dir_.path(); }
  fs::path archive() const { return root() / "runs" / "archive.git"; }

  // Writes an agent directory `name` with main.cc holding `body`; returns its path.
  fs::path Agent(const std::string& name, const std::string& body);
  // clade add <agent> --archive <archive> <extra...>; REQUIREs success.
  nlohmann::json Add(const fs::path& agent, const std::vector<std::string>& extra = {});
  // Runs clade with `args` followed by --archive <archive>.
  Run On(std::vector<std::string> args) const;

 private:
  TempDir dir_;
};

// A workspace holding this lineage, with records on benchmark "repair":
//   0 seed (0.25) ─ 1 (0.5) ─ 3 (0.75, best)
//                └ 2 (build_failed)        4 = crossover of 3 and 2 (not evaluated)
class Lineage : public Workspace {
 public:
  Lineage();
  // Sets a record {status, score} on a benchmark through the archive library.
  void Record(int id, const std::string& benchmark, const nlohmann::json& record);
};

}  // namespace clade::cli_test
