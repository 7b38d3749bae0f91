// The run configuration (docs/config.md): one YAML file that names the
// seed agent, the benchmark and its stages, the mutator, the selection and pruning policy,
// the budget, the sandbox limits, the workers and the RNG seed. docs/config.md lists every
// key with its default. Loading is strict: an unknown key, a wrong type or a missing file
// is one sentence naming the file and line.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <yaml-cpp/yaml.h>

#include "engine/executor/slurm_config.h"
#include "engine/model/model_bandit.h"
#include "engine/model/model_config.h"
#include "engine/selection/paired_test.h"
#include "engine/selection/policy.h"
#include "engine/selection/pruning.h"
#include "sandbox/evaluator.h"
#include "support/error.h"

namespace clade::search {

namespace fs = std::filesystem;

// generational: a plan of children per iteration; async: a new child whenever a worker is
// free; tasks: one task evaluation at a time, HGM's scheduler choosing between a new child
// and one more task of a variant (engine/search/task_scheduler.h).
enum class SearchMode { kGenerational, kAsync, kTasks };

struct GiConfig {
  int max_operators = 1;
  std::vector<std::string> operators;  // empty: all
  double crossover_rate = 0.0;
  int max_attempts = 20;
  std::vector<std::string> focus;  // globs narrowing the editable files; empty: all
};

// Where children are built and evaluated (docs/cluster.md).
enum class ExecutorKind { kLocal, kSlurm };

// The `slurm` section (engine/executor/slurm_config.h).
using executor::SlurmConfig;
using executor::SlurmJobsPer;

// evaluation.validation (docs/evaluation.md, "Validation"): tasks that selection never
// sees, used only to confirm a child before it can become the best.
struct ValidationConfig {
  fs::path suite;       // another suite (absolute); empty when `fraction` holds tasks out
  double fraction = 0;  // of the benchmark's tasks held out (0 < f < 1); 0 with `suite`
  double alpha = 0.1;   // a child whose paired test gives p_worse below alpha is not confirmed
  selection::PairedTestKind test = selection::PairedTestKind::kSign;
};

struct BudgetConfig {
  std::optional<int64_t> iterations;   // generations (async: batches of `children`)
  std::optional<int64_t> variants;     // children created (every status counts)
  std::optional<double> wall_seconds;  // of this run, summed over resumes
  std::optional<int64_t> tokens;       // model tokens
  std::optional<double> money;         // model cost, in the price unit of the model config
  std::optional<int64_t> task_evaluations;  // tasks run by children (search.mode: tasks only)
  // CPU seconds of the evaluations' task runs (agents and hidden tests), as their records
  // count them: a budget that does not depend on the machine's load.
  std::optional<double> cpu_seconds;
};

struct RunConfig {
  fs::path file;       // the config file (absolute)
  std::string text;    // its text, stored in the archive's run state
  std::string name;    // run.name
  fs::path archive;    // run.archive
  uint64_t seed = 1;   // run.seed
  fs::path work;       // run.work; empty: the default work directory
  fs::path agent;      // the seed agent's directory
  fs::path benchmark;  // the suite the run optimises
  std::string mutator = "gi";
  GiConfig gi;
  // The models the llm and self mutators draw from, one per child: `models:` (an ensemble,
  // names distinct), or the one `model`; empty without either.
  std::vector<model::ModelConfig> models;
  model::ModelSelection model_selection = model::ModelSelection::kFixed;  // model_selection
  // The model behind the agents' model socket: the one `model`, or the first of `models`;
  // null without either.
  const model::ModelConfig* SocketModel() const { return models.empty() ? nullptr : &models[0]; }
  // `memory`: the run memory (run_memory.h). After each child a lesson goes to the archive,
  // and the llm and self prompts show up to this many of them; 0 (`memory: off`) writes
  // and shows none.
  static constexpr size_t kDefaultLessons = 5;
  size_t memory_lessons = kDefaultLessons;
  // evaluation
  std::vector<sandbox::Stage> stages;  // empty: every task in one stage
  // evaluation.gate: parent. A child runs first the tasks its parent did not solve and the
  // rest only when it beats its parent there (sandbox::EvalOptions::parent_scores); the
  // seed runs every task. Excludes `stages`.
  bool parent_gate = false;
  std::optional<size_t> max_tasks;
  int task_workers = 1;  // tasks of one child run in parallel
  std::optional<ValidationConfig> validation;
  // evaluation.repeats and evaluation.adaptive_repeats: each task run that many times, the
  // record keeping the mean and the spread (sandbox::Repeats; local executor only).
  sandbox::Repeats repeats;
  // search
  SearchMode mode = SearchMode::kGenerational;
  int workers = 1;                 // children evaluated at once
  int children = 0;                // children per iteration; 0: as many as workers
  int max_consecutive_errors = 3;  // infrastructure failures in a row that stop the run
  // search.duplicates: reject (default) records a child whose source is a variant the
  // archive has (the same tree, or the same C++ tokens) as `duplicate`, not evaluated;
  // evaluate treats it as any child (a record of the same tree is reused).
  bool reject_duplicates = true;
  // search.islands: sub-populations (engine/search/islands.h); 1: one population.
  int islands = 1;
  int64_t migration_interval = 10;  // search.migration_interval: children between migrations
  // search.expand_exponent (mode: tasks): a new child when task evaluations^exponent >=
  // children (TaskScheduler::ShouldExpand).
  double expand_exponent = 0.6;
  // search.cool_down (mode: tasks): HGM's cool-down exponent; 0, the default, is off, and
  // b > 0 multiplies the Beta parameters of both draws by (1 / (1 - spent))^b, spent the
  // share of the budget used (CoolDown(), SpentFraction()).
  double cool_down = 0;
  // selection and pruning
  std::string policy = "dgm";
  selection::SelectionOptions selection;
  std::string pruning = "keep_all";
  selection::PruningOptions pruning_options;
  BudgetConfig budget;
  // where children run
  ExecutorKind executor = ExecutorKind::kLocal;
  SlurmConfig slurm;  // with kSlurm
  // sandbox
  bool require_isolation = false;
  double build_seconds = 600;
  uint64_t build_memory_mb = 4096;
  // Host paths every sandboxed step may read besides the system view (absolute; each
  // exists when the config is loaded). Here and not in agent.yaml, which children edit.
  std::vector<fs::path> read_only;
  uint64_t disk_mb = 2048;  // a child's slot cap (sandbox/slot.h)

  int ChildrenPerIteration() const { return children > 0 ? children : workers; }

  // What must not change when a run is resumed (everything that shapes which children
  // are made and how they are scored), as JSON; budgets, workers and limits may change.
  nlohmann::json Fingerprint() const;
};

// Loads and validates a config file. Errors (kUsage, kNotFound) are one sentence starting
// with "FILE:LINE: " where a line is known.
Result<RunConfig> LoadRunConfig(const fs::path& file);

// "FILE: 'key' changed from A to B; ..." for the first key whose fingerprint differs, or
// nullopt when `saved` (a stored Fingerprint()) matches `config`.
std::optional<std::string> FingerprintChange(const nlohmann::json& saved,
                                             const nlohmann::json& current);

// Parses a duration: a number of seconds, or a number with a unit s, m, h or d ("90m").
std::optional<double> ParseDuration(const std::string& text);

}  // namespace clade::search
