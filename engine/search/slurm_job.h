// One child's evaluation as a Slurm job (docs/cluster.md): what the controller writes into
// the job's directory on the shared path, and what the job writes back. The job runs
// `clade worker eval-job DIR` (engine/cli/worker_command.h), which builds and evaluates
// the source with the same sandbox harness as a local run and never opens the archive.
//
//   DIR/source/      the child's source, copied by the controller
//   DIR/job.json     JobSpec: the suite (a copy on the shared path), stages, limits
//   DIR/job.sh       the script given to sbatch
//   DIR/job_id       the Slurm job id, written once sbatch accepted the job
//   DIR/result.json  {"evaluation": ...} or {"error": "..."}, written atomically by the job
//   DIR/slurm.out    the job's own stdout and stderr
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/evaluator.h"
#include "support/error.h"

namespace clade::search {

namespace fs = std::filesystem;

struct JobPaths {
  fs::path dir;
  fs::path source() const { return dir / "source"; }
  fs::path spec() const { return dir / "job.json"; }
  fs::path script() const { return dir / "job.sh"; }
  fs::path job_id() const { return dir / "job_id"; }
  fs::path result() const { return dir / "result.json"; }
  fs::path output() const { return dir / "slurm.out"; }
};

// What the job needs besides its source: everything a local evaluation gets from the
// run config and the harness options.
struct JobSpec {
  fs::path suite;  // the suite's directory, as the node sees it
  std::vector<sandbox::Stage> stages;
  std::optional<size_t> max_tasks;
  int task_workers = 1;
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  bool require_isolation = false;
  fs::path work;                 // build slots on the node; empty: the default
  std::vector<fs::path> hidden;  // never visible to the agent (when they exist)

  nlohmann::json ToJson() const;
  // Error (kUsage) naming the field when `json` is not a job spec.
  static Result<JobSpec> FromJson(const nlohmann::json& json);
};

// A whole Evaluation (with the build and task logs, unlike its record) and back.
nlohmann::json EvaluationToJson(const sandbox::Evaluation& evaluation);
Result<sandbox::Evaluation> EvaluationFromJson(const nlohmann::json& json);

// The job's result file: the evaluation, or the error that kept the job from making one.
Result<> WriteJobResult(const JobPaths& paths, const Result<sandbox::Evaluation>& evaluation);
// Reads it back: nullopt when there is no result file yet; an Error when the job reported
// one (an infrastructure failure) or the file is damaged.
Result<std::optional<sandbox::Evaluation>> ReadJobResult(const JobPaths& paths);

// The shell script sbatch runs: `exec CLADE worker eval-job DIR`.
std::string JobScript(const fs::path& clade, const JobPaths& paths);

}  // namespace clade::search
