// Evaluating one agent on one suite: build it, run it on the tasks in parallel, score,
// with staged evaluation (DGM: a first stage of a few tasks, the rest only if the agent
// clears a threshold there). The result becomes the variant's evaluation record.
#pragma once

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "sandbox/harness.h"
#include "support/eval_status.h"

namespace clade::sandbox {

struct Stage {
  size_t tasks = 0;        // how many tasks (in suite order) this stage ends at; 0: all
  double threshold = 0.0;  // go on to the next stage only with a score >= this
};

// Running each task more than once (evaluation.repeats, docs/evaluation.md "Repeats"), for
// agents whose outcome on a task varies between runs.
struct Repeats {
  int count = 1;  // runs per task, at least 1
  // Run every task twice and the remaining count - 2 times only where those two disagreed
  // (a task whose two runs agree is taken as stable).
  bool adaptive = false;
};

struct EvalOptions {
  int workers = 1;                  // tasks run in parallel
  int slot = 0;                     // the build slot to use
  std::optional<size_t> max_tasks;  // only the first N tasks of the suite
  std::vector<Stage> stages;        // empty: one stage, every task
  // The parent gate (evaluation.gate: parent; docs/evaluation.md): the parent's score per
  // task id. When set it replaces `stages`: the tasks the parent did not solve (a score
  // below 1, or none) run first, and the others only when the agent scores higher than
  // the parent did on those; otherwise the status is below_threshold. Whatever the order
  // they ran in, the evaluation lists the tasks in suite order.
  std::optional<std::map<std::string, double>> parent_scores;
  Repeats repeats;
  std::function<void(const TaskResult&, size_t done, size_t total)> on_task;  // progress
};

struct Evaluation {
  // evaluated, below_threshold, tampered (a step changed what it must not: score 0), or
  // the build's failure (build_failed, build_timeout, build_limit, disk_limit)
  EvalStatus status = EvalStatus::kEvaluated;
  double score = 0;    // mean over the tasks run; 0 when the build failed or on tampering
  // The standard error of `score` from the spread of repeated tasks (ScoreStderr); none
  // when no task ran more than once.
  std::optional<double> score_stderr;
  Repeats repeats;
  std::string suite;
  std::string suite_hash;
  std::vector<TaskResult> tasks;
  int stage_reached = 0;  // 1-based; 0 when the build failed
  int stages = 1;
  // With search.mode: tasks (a variant evaluated a task at a time): the tasks it can be
  // given in all, so its record says how many of them it has run ("per_task"). 0 otherwise.
  size_t suite_tasks = 0;
  BuildResult build;
  double eval_seconds = 0;  // wall clock of the task runs
  nlohmann::json model;     // the agent's model calls through its socket (null: none)
  std::vector<Tamper> tampered;  // with status tampered: what changed, by which step

  // The evaluation record's fields (docs/evaluation.md): status, score, benchmark, tasks
  // (id, score, status, seconds, passed, failed, visible), visible_pass_hidden_fail, stage,
  // per_task (with suite_tasks),
  // timings, tampered. The caller adds
  // variant, parents and mutation.
  nlohmann::json ToRecord() const;
};

// A hash of everything in the suite's directory and in the task folders it borrows from
// elsewhere: the cache key for "this suite".
Result<std::string> SuiteHash(const Suite& suite);

// Runs tasks [begin, end) of an evaluation: their outcomes in task order. An error ends
// the evaluation.
using TaskBatch = std::function<Result<std::vector<TaskResult>>(size_t begin, size_t end)>;

// The staged part of an evaluation whose build succeeded, over its first `count` tasks:
// each stage's tasks through `batch`, the next stage only at or above the threshold. Sets
// tasks, score, stage_reached, stages, status (evaluated or below_threshold) and
// eval_seconds. Evaluate runs the batches here; the Slurm executor's `per: task` runs each
// task as a job (engine/executor/slurm_task_evaluation.h). Errors: the batch's.
Result<> RunStages(size_t count, const std::vector<Stage>& stages, const TaskBatch& batch,
                   Evaluation* evaluation);

// The standard error of the mean of the tasks' scores, from the spread of each task's
// repeats: sqrt(sum over tasks of s_i^2 / n_i) / tasks, s_i^2 the sample variance of task
// i's n_i runs (0 for a task run once). None when no task ran more than once.
std::optional<double> ScoreStderr(const std::vector<TaskResult>& tasks);

// Merges the runs of one task (the first is kept as the base): the mean score, each run's
// score, summed times, all tamper records; status `tampered` if any run tampered (score
// 0), else the first run's when every run scored the same, else `varied`.
TaskResult MergeRepeats(std::vector<TaskResult> runs);

// How many tasks pass every visible case and fail a hidden one (a patch that fits what the
// agent was shown, not the bug); none when no task has visible cases (visible_cases).
std::optional<int> VisiblePassHiddenFail(const std::vector<TaskResult>& tasks);

// Marks `evaluation` tampered (score 0) when its build or a task changed what it must not.
void CheckTampering(Evaluation* evaluation);

// The JSON of tamper records, for an evaluation record or a mutation's.
nlohmann::json TamperJson(const std::vector<Tamper>& tampered);

// Builds `source` in build slot `options.slot` of `harness.work` (emptied before and
// after, capped at harness.disk_mb where possible: slot.h) and evaluates it on `suite`.
// Errors only when the sandbox cannot run.
Result<Evaluation> Evaluate(const HarnessOptions& harness, const std::filesystem::path& source,
                            const Suite& suite, const EvalOptions& options);

}  // namespace clade::sandbox
