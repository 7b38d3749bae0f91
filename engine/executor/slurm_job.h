// A Slurm job of the executor (docs/cluster.md): what the controller writes into the job's
// directory on the shared path, and what the job writes back. The job runs
// `clade worker eval-job DIR` (engine/cli/worker_command.h), which does what its JobSpec's
// kind says with the same sandbox harness as a local run, and never opens the archive:
// build and evaluate a child (per: child), or, for per: task, build a child and publish its
// build directory, or run one task with a build published so.
//
//   DIR/source/      the child's source, copied by the controller (kind child)
//   DIR/job.json     JobSpec: the kind, the suite (a copy on the shared path), stages, limits
//   DIR/job.sh       the script given to sbatch
//   DIR/job_id       the Slurm job id, written once sbatch accepted the job
//   DIR/result.json  {KIND: ...} or {"error": "..."}, written atomically by the job
//   DIR/slurm.out    the job's own stdout and stderr
#pragma once

#include <cstdint>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/evaluator.h"
#include "support/error.h"
#include "support/eval_status.h"

namespace clade::executor {

namespace fs = std::filesystem;

struct JobPaths {
  fs::path dir;
  fs::path source() const { return dir / "source"; }
  fs::path spec() const { return dir / "job.json"; }
  fs::path script() const { return dir / "job.sh"; }
  fs::path job_id() const { return dir / "job_id"; }
  // The name the job is submitted under, written before sbatch: a controller that died
  // between sbatch and noting the id left only this to find the job by.
  fs::path job_name() const { return dir / "job_name"; }
  fs::path result() const { return dir / "result.json"; }
  fs::path output() const { return dir / "slurm.out"; }
};

// What a job does: build and evaluate a child; build it and publish the build directory;
// run one task with a published build.
enum class JobKind { kChild, kBuild, kTask };

// What the job needs besides its source: everything a local evaluation gets from the
// run config and the harness options.
struct JobSpec {
  JobKind kind = JobKind::kChild;
  fs::path source;   // kBuild, kTask: the child's source ({src}); kChild: DIR/source
  fs::path built;    // kBuild: where to publish the build directory; kTask: where it is
  std::string task;  // kTask: the task's id
  fs::path suite;    // the suite's directory, as the node sees it
  std::vector<sandbox::Stage> stages;
  std::optional<size_t> max_tasks;
  int task_workers = 1;
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  bool require_isolation = false;
  std::vector<fs::path> read_only;  // host paths the sandbox shows read-only
  uint64_t disk_mb = 2048;          // the slot's cap
  fs::path work;                    // build slots on the node; empty: the default
  std::vector<fs::path> hidden;     // never visible to the agent (when they exist)

  nlohmann::json ToJson() const;
  // Error (kUsage) naming the field when `json` is not a job spec.
  static Result<JobSpec> FromJson(const nlohmann::json& json);
};

// How a job came out: its result, or how it ended without one.
struct JobEnd {
  std::optional<nlohmann::json> result;      // the result file's payload
  EvalStatus status = EvalStatus::kJobLost;  // without a result: StatusOfPhase
  std::string log;  // without a result: which job, how it ended, the tail of its output
};

// What every job of one child shares: its directory under the run's jobs directory, the
// name its jobs' names start with, the spec they start from, the binary they run.
struct ChildJobs {
  fs::path dir;
  std::string name;
  JobSpec spec;
  fs::path clade;
  std::string suite_name;  // for the evaluation of a job that ended without a result
  std::string suite_hash;
};

// Writes a job directory's job.json and job.sh into `tmp`, to be renamed to `paths.dir`.
Result<> WriteJobFiles(const fs::path& tmp, const JobPaths& paths, const JobSpec& spec,
                       const fs::path& clade);

// The evaluation of a child whose job (its one job, or its build job) ended without a
// result: the job's status, and its log as the build log.
sandbox::Evaluation EndedEvaluation(const ChildJobs& child, const JobEnd& end);

// A whole Evaluation (with the build and task logs, unlike its record) and back; so a
// build (kBuild's result) and a task's outcome (kTask's). Errors (kUsage) name the field.
nlohmann::json EvaluationToJson(const sandbox::Evaluation& evaluation);
Result<sandbox::Evaluation> EvaluationFromJson(const nlohmann::json& json);
nlohmann::json BuildToJson(const sandbox::BuildResult& build);
Result<sandbox::BuildResult> BuildFromJson(const nlohmann::json& json);
nlohmann::json TaskToJson(const sandbox::TaskResult& task);
Result<sandbox::TaskResult> TaskFromJson(const nlohmann::json& json);

// The key of a kind's result in result.json: "evaluation", "build" or "task".
std::string_view ResultKey(JobKind kind);

// The job's result file: {key: result}, or the error that kept the job from making one.
Result<> WriteJobPayload(const JobPaths& paths, std::string_view key,
                         const Result<nlohmann::json>& result);
// Reads it back: nullopt when there is no result file yet; an Error when the job reported
// one (an infrastructure failure) or the file is damaged or has no `key`.
Result<std::optional<nlohmann::json>> ReadJobPayload(const JobPaths& paths, std::string_view key);

// The same for a child's whole evaluation (kind child).
Result<> WriteJobResult(const JobPaths& paths, const Result<sandbox::Evaluation>& evaluation);
Result<std::optional<sandbox::Evaluation>> ReadJobResult(const JobPaths& paths);

// Makes `target` through make(tmp) in a temporary sibling directory, then renames it into
// place, so readers see all of it or nothing. If another writer got there first, its copy
// stands.
Result<> PublishDirectory(const fs::path& target,
                          const std::function<Result<>(const fs::path& tmp)>& make);

// The shell script sbatch runs: `exec CLADE worker eval-job DIR`.
std::string JobScript(const fs::path& clade, const JobPaths& paths);

}  // namespace clade::executor
