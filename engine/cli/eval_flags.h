// The flags `clade eval` and `clade replay` share: the suite (--benchmark, --tasks,
// --workers, --repeats, --adaptive-repeats) and the sandbox (--work, --require-isolation, --read-only, --disk-mb), and the
// harness they describe. `clade run` reads the same settings from its config's `sandbox`
// section (docs/config.md).
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "sandbox/evaluator.h"
#include "sandbox/harness.h"
#include "support/error.h"

namespace clade::cli {

struct SandboxFlags {
  std::string work;  // empty: WorkDirectory's default
  bool require_isolation = false;
  std::vector<std::string> read_only;  // host paths every step may read
  uint64_t disk_mb = 2048;             // a slot's cap
};

// What to evaluate on, and the sandbox to do it in.
struct EvalFlags {
  std::string benchmark;  // the suite's directory or suite.yaml (required)
  size_t tasks = 0;       // only the first N tasks; 0: all
  int workers = 0;        // tasks run in parallel; 0: the number of cores
  int repeats = 1;        // runs per task
  bool adaptive_repeats = false;
  SandboxFlags sandbox;
};

// Adds the nine flags to `command`; `flags` must outlive it.
void AddEvalOptions(CLI::App& command, EvalFlags* flags);

// The repeats `flags` asks for. Error (kUsage) when --adaptive-repeats comes with fewer
// than 3 repeats.
Result<sandbox::Repeats> RepeatsFrom(const EvalFlags& flags);

// The task workers `flags` asks for: --workers, or the number of cores.
int TaskWorkers(const EvalFlags& flags);

// The harness with slots under `work` and `hidden` kept out of every step. Error (kUsage)
// naming the path when a --read-only path is not absolute or does not exist.
Result<sandbox::HarnessOptions> HarnessFrom(const SandboxFlags& flags,
                                            const std::filesystem::path& work,
                                            std::vector<std::filesystem::path> hidden);

}  // namespace clade::cli
