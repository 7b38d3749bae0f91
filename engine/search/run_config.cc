#include "engine/search/run_config.h"

#include <cmath>
#include <cstdlib>

#include <fmt/format.h>

#include "engine/mutation/gi_mutator.h"
#include "support/fs.h"
#include "support/yaml.h"

namespace clade::search {

namespace {

// The reader of one config file: every error names the file and the line.
class ConfigReader {
 public:
  explicit ConfigReader(fs::path file) : file_(std::move(file)) {}

  const fs::path& file() const { return file_; }

  template <typename... Args>
  Error Bad(const YAML::Node& node, fmt::format_string<Args...> format, Args&&... args) const {
    return Error{ErrorKind::kUsage, fmt::format("{}: {}", Where(file_, node),
                                                fmt::format(format, std::forward<Args>(args)...))};
  }

  Result<std::optional<int64_t>> Int(const YAML::Node& node, const char* key, int64_t min) const {
    auto number = CLADE_TRY(ReadNumber(file_, node, key));
    if (!number) return std::optional<int64_t>();
    if (std::floor(*number) != *number || *number < static_cast<double>(min) || *number > 1e15) {
      return tl::unexpected(Bad(node[key], "'{}' must be a whole number >= {}", key, min));
    }
    return std::optional<int64_t>(static_cast<int64_t>(*number));
  }

  Result<std::optional<double>> Number(const YAML::Node& node, const char* key, double min,
                                       double max) const {
    auto number = CLADE_TRY(ReadNumber(file_, node, key));
    if (number && (!std::isfinite(*number) || *number < min || *number > max)) {
      return tl::unexpected(Bad(node[key], "'{}' must be between {} and {}", key, min, max));
    }
    return number;
  }

  Result<std::optional<bool>> Bool(const YAML::Node& node, const char* key) const {
    YAML::Node value = node[key];
    if (!value) return std::optional<bool>();
    bool flag = false;
    if (!value.IsScalar() || !YAML::convert<bool>::decode(value, flag)) {
      return tl::unexpected(Bad(value, "'{}' must be true or false", key));
    }
    return std::optional<bool>(flag);
  }

  // A path relative to the config file's directory.
  Result<std::optional<fs::path>> Path(const YAML::Node& node, const char* key) const {
    auto text = CLADE_TRY(ReadString(file_, node, key));
    if (!text) return std::optional<fs::path>();
    if (text->empty()) return tl::unexpected(Bad(node[key], "'{}' must not be empty", key));
    return std::optional<fs::path>((file_.parent_path() / *text).lexically_normal());
  }

 private:
  fs::path file_;
};

template <typename T>
void SetIf(const std::optional<T>& value, T& target) {
  if (value) target = *value;
}

Result<> ReadRun(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  CLADE_TRY(CheckKeys(in.file(), node, "run", {"name", "archive", "seed", "work"}, {"archive"}));
  SetIf(CLADE_TRY(ReadString(in.file(), node, "name")), config.name);
  config.archive = *CLADE_TRY(in.Path(node, "archive"));
  if (auto seed = CLADE_TRY(in.Int(node, "seed", 0))) config.seed = static_cast<uint64_t>(*seed);
  SetIf(CLADE_TRY(in.Path(node, "work")), config.work);
  if (config.name.empty()) config.name = config.archive.stem().string();
  return {};
}

Result<> ReadGi(const ConfigReader& in, const YAML::Node& node, GiConfig& gi) {
  CLADE_TRY(CheckKeys(in.file(), node, "gi",
                      {"max_operators", "operators", "crossover_rate", "max_attempts", "focus"}));
  if (auto k = CLADE_TRY(in.Int(node, "max_operators", 1))) gi.max_operators = static_cast<int>(*k);
  if (auto n = CLADE_TRY(in.Int(node, "max_attempts", 1))) gi.max_attempts = static_cast<int>(*n);
  SetIf(CLADE_TRY(in.Number(node, "crossover_rate", 0, 1)), gi.crossover_rate);
  if (auto names = CLADE_TRY(ReadStringList(in.file(), node, "operators"))) {
    for (const std::string& name : *names) {
      if (!mutation::GiOperatorFromName(name)) {
        return tl::unexpected(in.Bad(node["operators"], "unknown gi operator '{}'", name));
      }
    }
    gi.operators = *names;
  }
  if (auto globs = CLADE_TRY(ReadStringList(in.file(), node, "focus"))) {
    if (globs->empty()) return tl::unexpected(in.Bad(node["focus"], "gi focus is an empty list"));
    gi.focus = *globs;
  }
  return {};
}

Result<sandbox::Stage> ReadStage(const ConfigReader& in, const YAML::Node& node) {
  CLADE_TRY(CheckKeys(in.file(), node, "a stage", {"tasks", "threshold"}));
  sandbox::Stage stage;
  if (node["tasks"] && node["tasks"].IsScalar() && node["tasks"].Scalar() == "all") {
    stage.tasks = 0;
  } else if (auto tasks = CLADE_TRY(in.Int(node, "tasks", 1))) {
    stage.tasks = static_cast<size_t>(*tasks);
  }
  SetIf(CLADE_TRY(in.Number(node, "threshold", 0, 1)), stage.threshold);
  return stage;
}

// evaluation.validation: a fraction of the benchmark's tasks (0 < f < 1) or a suite's path;
// evaluation.alpha and evaluation.paired_test go with it.
Result<> ReadValidation(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  YAML::Node value = node["validation"];
  if (!value) {
    for (const char* key : {"alpha", "paired_test"}) {
      if (node[key]) return tl::unexpected(in.Bad(node[key], "'{}' needs 'validation'", key));
    }
    return {};
  }
  ValidationConfig validation;
  if (!value.IsScalar() || value.Scalar().empty()) {
    return tl::unexpected(
        in.Bad(value, "'validation' must be a fraction of the tasks (0.3) or a suite's path"));
  }
  const std::string& text = value.Scalar();
  char* end = nullptr;
  double fraction = std::strtod(text.c_str(), &end);
  if (end == text.c_str() + text.size()) {  // a number: a fraction of the tasks
    if (!(fraction > 0 && fraction < 1)) {
      return tl::unexpected(in.Bad(value, "a 'validation' fraction must be above 0 and below 1"));
    }
    validation.fraction = fraction;
  } else {
    validation.suite = *CLADE_TRY(in.Path(node, "validation"));
    fs::path file = validation.suite;
    std::error_code error;
    if (fs::is_directory(file, error)) file /= "suite.yaml";
    if (!fs::exists(file, error)) {
      return tl::unexpected(in.Bad(value, "the validation suite {} does not exist",
                                   validation.suite.string()));
    }
  }
  if (auto alpha = CLADE_TRY(in.Number(node, "alpha", 0, 1))) validation.alpha = *alpha;
  if (auto test = CLADE_TRY(ReadString(in.file(), node, "paired_test"))) {
    auto kind = selection::ParsePairedTestKind(*test);
    if (!kind) {
      return tl::unexpected(in.Bad(node["paired_test"],
                                   "unknown paired_test '{}' (expected sign or wilcoxon)", *test));
    }
    validation.test = *kind;
  }
  config.validation = validation;
  return {};
}

// evaluation.repeats: N (1 to 20) and adaptive_repeats: true (every task twice, the rest
// of N only where those two disagree; needs N >= 3).
Result<> ReadRepeats(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  if (auto n = CLADE_TRY(in.Int(node, "repeats", 1))) {
    if (*n > 20) return tl::unexpected(in.Bad(node["repeats"], "'repeats' must be at most 20"));
    config.repeats.count = static_cast<int>(*n);
  }
  if (auto adaptive = CLADE_TRY(in.Bool(node, "adaptive_repeats"))) {
    config.repeats.adaptive = *adaptive;
    if (*adaptive && config.repeats.count < 3) {
      return tl::unexpected(in.Bad(node["adaptive_repeats"],
                                   "'adaptive_repeats' runs every task twice and the rest of "
                                   "'repeats' where those disagree: it needs 'repeats: 3' or more"));
    }
  }
  return {};
}

Result<> ReadEvaluation(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  CLADE_TRY(CheckKeys(in.file(), node, "evaluation",
                      {"stages", "tasks", "task_workers", "gate", "validation", "alpha",
                       "paired_test", "repeats", "adaptive_repeats"}));
  CLADE_TRY(ReadValidation(in, node, config));
  CLADE_TRY(ReadRepeats(in, node, config));
  if (auto gate = CLADE_TRY(ReadString(in.file(), node, "gate"))) {
    if (*gate != "parent" && *gate != "none") {
      return tl::unexpected(
          in.Bad(node["gate"], "unknown gate '{}' (expected parent or none)", *gate));
    }
    config.parent_gate = *gate == "parent";
    if (config.parent_gate && node["stages"]) {
      return tl::unexpected(in.Bad(node["gate"],
                                   "'gate: parent' replaces 'stages' (a child's first stage is "
                                   "the tasks its parent did not solve): use one or the other"));
    }
  }
  if (auto tasks = CLADE_TRY(in.Int(node, "tasks", 1))) {
    config.max_tasks = static_cast<size_t>(*tasks);
  }
  if (auto n = CLADE_TRY(in.Int(node, "task_workers", 1))) {
    config.task_workers = static_cast<int>(*n);
  }
  if (YAML::Node stages = node["stages"]) {
    if (!stages.IsSequence() || stages.size() == 0) {
      return tl::unexpected(in.Bad(stages, "'stages' must be a list of {{tasks, threshold}}"));
    }
    size_t previous = 0;
    for (const YAML::Node& entry : stages) {
      sandbox::Stage stage = CLADE_TRY(ReadStage(in, entry));
      if (previous == 0 && !config.stages.empty()) {
        return tl::unexpected(
            in.Bad(entry, "a stage after one with 'tasks: all' is never reached"));
      }
      if (stage.tasks != 0 && stage.tasks <= previous) {
        return tl::unexpected(in.Bad(entry, "stage 'tasks' must grow from stage to stage"));
      }
      previous = stage.tasks;
      config.stages.push_back(stage);
    }
  }
  return {};
}

Result<> ReadSearch(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  CLADE_TRY(CheckKeys(in.file(), node, "search",
                      {"mode", "children", "max_consecutive_errors", "duplicates", "islands",
                       "migration_interval", "expand_exponent", "cool_down"}));
  if (auto n = CLADE_TRY(in.Int(node, "islands", 1))) config.islands = static_cast<int>(*n);
  if (auto n = CLADE_TRY(in.Int(node, "migration_interval", 1))) config.migration_interval = *n;
  if (auto duplicates = CLADE_TRY(ReadString(in.file(), node, "duplicates"))) {
    if (*duplicates != "reject" && *duplicates != "evaluate") {
      return tl::unexpected(in.Bad(node["duplicates"],
                                   "unknown duplicates '{}' (expected reject or evaluate)",
                                   *duplicates));
    }
    config.reject_duplicates = *duplicates == "reject";
  }
  if (auto mode = CLADE_TRY(ReadString(in.file(), node, "mode"))) {
    if (*mode == "generational") {
      config.mode = SearchMode::kGenerational;
    } else if (*mode == "async") {
      config.mode = SearchMode::kAsync;
    } else if (*mode == "tasks") {
      config.mode = SearchMode::kTasks;
    } else {
      return tl::unexpected(in.Bad(
          node["mode"], "unknown search mode '{}' (expected generational, async or tasks)", *mode));
    }
  }
  if (auto exponent = CLADE_TRY(in.Number(node, "expand_exponent", 0.01, 1))) {
    if (config.mode != SearchMode::kTasks) {
      return tl::unexpected(in.Bad(node["expand_exponent"], "'expand_exponent' needs 'mode: tasks'"));
    }
    config.expand_exponent = *exponent;
  }
  if (auto exponent = CLADE_TRY(in.Number(node, "cool_down", 0, 10))) {
    if (config.mode != SearchMode::kTasks) {
      return tl::unexpected(in.Bad(node["cool_down"], "'cool_down' needs 'mode: tasks'"));
    }
    config.cool_down = *exponent;
  }
  if (auto n = CLADE_TRY(in.Int(node, "children", 1))) config.children = static_cast<int>(*n);
  if (auto n = CLADE_TRY(in.Int(node, "max_consecutive_errors", 1))) {
    config.max_consecutive_errors = static_cast<int>(*n);
  }
  return {};
}

Result<> ReadSelection(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  if (node.IsScalar()) {
    config.policy = node.Scalar();
  } else {
    CLADE_TRY(
        CheckKeys(in.file(), node, "selection",
                  {"policy", "lambda", "midpoint", "tournament_size", "hgm_failures_are_losses"}));
    SetIf(CLADE_TRY(ReadString(in.file(), node, "policy")), config.policy);
    selection::SelectionOptions& options = config.selection;
    SetIf(CLADE_TRY(in.Number(node, "lambda", 1e-9, 1e6)), options.lambda);
    if (YAML::Node midpoint = node["midpoint"]) {
      if (midpoint.IsScalar() && midpoint.Scalar() == "top3") {
        options.top_three_midpoint = true;
      } else {
        SetIf(CLADE_TRY(in.Number(node, "midpoint", 0, 1)), options.midpoint);
      }
    }
    if (auto size = CLADE_TRY(in.Int(node, "tournament_size", 1))) {
      options.tournament_size = static_cast<size_t>(*size);
    }
    SetIf(CLADE_TRY(in.Bool(node, "hgm_failures_are_losses")), options.hgm_failures_are_losses);
  }
  if (auto made = selection::MakePolicy(config.policy, config.selection); !made) {
    return tl::unexpected(in.Bad(node, "{}", made.error().message));
  }
  return {};
}

Result<> ReadPruning(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  if (node.IsScalar()) {
    config.pruning = node.Scalar();
  } else {
    CLADE_TRY(CheckKeys(in.file(), node, "pruning", {"rule", "max_size", "leeway"}));
    SetIf(CLADE_TRY(ReadString(in.file(), node, "rule")), config.pruning);
    if (auto size = CLADE_TRY(in.Int(node, "max_size", 1))) {
      config.pruning_options.max_size = static_cast<size_t>(*size);
    }
    SetIf(CLADE_TRY(in.Number(node, "leeway", 0, 1)), config.pruning_options.leeway);
  }
  if (auto made = selection::MakePruning(config.pruning, config.pruning_options); !made) {
    return tl::unexpected(in.Bad(node, "{}", made.error().message));
  }
  return {};
}

Result<> ReadBudget(const ConfigReader& in, const YAML::Node& node, BudgetConfig& budget) {
  CLADE_TRY(CheckKeys(in.file(), node, "budget",
                      {"iterations", "variants", "wall_time", "cpu_time", "tokens", "money",
                       "task_evaluations"}));
  budget.iterations = CLADE_TRY(in.Int(node, "iterations", 1));
  budget.task_evaluations = CLADE_TRY(in.Int(node, "task_evaluations", 1));
  budget.variants = CLADE_TRY(in.Int(node, "variants", 1));
  budget.tokens = CLADE_TRY(in.Int(node, "tokens", 1));
  budget.money = CLADE_TRY(in.Number(node, "money", 0, 1e12));
  if (auto text = CLADE_TRY(ReadString(in.file(), node, "wall_time"))) {
    budget.wall_seconds = ParseDuration(*text);
    if (!budget.wall_seconds || *budget.wall_seconds <= 0) {
      return tl::unexpected(
          in.Bad(node["wall_time"], "'wall_time' must be a duration such as 900, 15m, 2h or 3d"));
    }
  }
  if (auto text = CLADE_TRY(ReadString(in.file(), node, "cpu_time"))) {
    budget.cpu_seconds = ParseDuration(*text);
    if (!budget.cpu_seconds || *budget.cpu_seconds <= 0) {
      return tl::unexpected(
          in.Bad(node["cpu_time"], "'cpu_time' must be a duration such as 3600, 90m or 2h"));
    }
  }
  return {};
}

Result<> ReadSandbox(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  CLADE_TRY(CheckKeys(in.file(), node, "sandbox",
                      {"require_isolation", "build_seconds", "build_memory_mb", "read_only",
                       "disk_mb"}));
  SetIf(CLADE_TRY(in.Bool(node, "require_isolation")), config.require_isolation);
  SetIf(CLADE_TRY(in.Number(node, "build_seconds", 1, 1e6)), config.build_seconds);
  if (auto mb = CLADE_TRY(in.Int(node, "build_memory_mb", 64))) {
    config.build_memory_mb = static_cast<uint64_t>(*mb);
  }
  if (auto mb = CLADE_TRY(in.Int(node, "disk_mb", 16))) config.disk_mb = static_cast<uint64_t>(*mb);
  if (auto paths = CLADE_TRY(ReadStringList(in.file(), node, "read_only"))) {
    for (const std::string& text : *paths) {
      fs::path path(text);
      std::error_code error;
      if (!path.is_absolute() || !fs::exists(path, error)) {
        return tl::unexpected(in.Bad(node["read_only"],
                                     "sandbox.read_only: '{}' must be an absolute path that exists",
                                     text));
      }
      config.read_only.push_back(path.lexically_normal());
    }
  }
  return {};
}

Result<> ReadSlurm(const ConfigReader& in, const YAML::Node& node, SlurmConfig& slurm) {
  CLADE_TRY(CheckKeys(in.file(), node, "slurm",
                      {"partition", "time", "cpus", "memory", "sbatch_args", "shared", "work",
                       "clade", "poll_seconds", "result_grace_seconds", "per"},
                      {"shared"}));
  SetIf(CLADE_TRY(ReadString(in.file(), node, "partition")), slurm.partition);
  SetIf(CLADE_TRY(ReadString(in.file(), node, "time")), slurm.time);
  SetIf(CLADE_TRY(ReadString(in.file(), node, "memory")), slurm.memory);
  if (auto n = CLADE_TRY(in.Int(node, "cpus", 1))) slurm.cpus = static_cast<int>(*n);
  SetIf(CLADE_TRY(ReadStringList(in.file(), node, "sbatch_args")), slurm.sbatch_args);
  SetIf(CLADE_TRY(in.Number(node, "poll_seconds", 0.05, 3600)), slurm.poll_seconds);
  SetIf(CLADE_TRY(in.Number(node, "result_grace_seconds", 0, 3600)), slurm.result_grace_seconds);
  if (auto per = CLADE_TRY(ReadString(in.file(), node, "per"))) {
    if (*per != "child" && *per != "task") {
      return tl::unexpected(
          in.Bad(node["per"], "unknown 'per' value '{}' (expected child or task)", *per));
    }
    slurm.per = *per == "task" ? SlurmJobsPer::kTask : SlurmJobsPer::kChild;
  }
  slurm.shared = *CLADE_TRY(in.Path(node, "shared"));
  SetIf(CLADE_TRY(in.Path(node, "work")), slurm.work);
  SetIf(CLADE_TRY(in.Path(node, "clade")), slurm.clade);
  std::error_code error;
  if (!fs::is_directory(slurm.shared, error)) {
    return tl::unexpected(
        in.Bad(node["shared"], "the shared directory {} does not exist", slurm.shared.string()));
  }
  return {};
}

Result<> ReadExecutor(const ConfigReader& in, const YAML::Node& root, RunConfig& config) {
  if (auto name = CLADE_TRY(ReadString(in.file(), root, "executor"))) {
    if (*name == "slurm") {
      config.executor = ExecutorKind::kSlurm;
    } else if (*name != "local") {
      return tl::unexpected(
          in.Bad(root["executor"], "unknown executor '{}' (expected local or slurm)", *name));
    }
  }
  if (config.executor == ExecutorKind::kSlurm) {
    if (config.parent_gate) {
      return tl::unexpected(in.Bad(root["executor"],
                                   "'evaluation.gate: parent' runs with the local executor "
                                   "only; use 'stages' with 'executor: slurm'"));
    }
    if (config.validation) {
      return tl::unexpected(in.Bad(root["executor"],
                                   "'evaluation.validation' runs with the local executor only"));
    }
    if (config.repeats.count > 1) {
      return tl::unexpected(in.Bad(root["executor"],
                                   "'evaluation.repeats' runs with the local executor only"));
    }
    if (!root["slurm"]) {
      return tl::unexpected(
          in.Bad(root["executor"], "'executor: slurm' needs a 'slurm' section with 'shared'"));
    }
    return ReadSlurm(in, root["slurm"], config.slurm);
  }
  if (root["slurm"]) {
    return tl::unexpected(in.Bad(root["slurm"], "a 'slurm' section needs 'executor: slurm'"));
  }
  return {};
}

// What `search.mode: tasks` replaces or cannot combine with, one sentence each.
Result<> CheckTasksMode(const ConfigReader& in, const YAML::Node& root, const RunConfig& config) {
  const YAML::Node evaluation = root["evaluation"];
  const YAML::Node budget = root["budget"];
  if (config.mode != SearchMode::kTasks) {
    if (config.budget.task_evaluations) {
      return tl::unexpected(
          in.Bad(budget["task_evaluations"], "'task_evaluations' needs 'search.mode: tasks'"));
    }
    return {};
  }
  if (config.parent_gate || !config.stages.empty()) {
    return tl::unexpected(in.Bad(evaluation[config.parent_gate ? "gate" : "stages"],
                                 "'search.mode: tasks' decides how many tasks each child runs; "
                                 "leave out 'gate' and 'stages'"));
  }
  if (config.validation) {
    return tl::unexpected(in.Bad(evaluation["validation"],
                                 "'evaluation.validation' does not run with 'search.mode: tasks' "
                                 "yet; use generational or async mode"));
  }
  if (config.islands > 1) {
    return tl::unexpected(
        in.Bad(root["search"]["islands"], "'search.mode: tasks' keeps one tree; leave out 'islands'"));
  }
  if (config.budget.iterations) {
    return tl::unexpected(in.Bad(budget["iterations"],
                                 "'search.mode: tasks' has no iterations; budget it with "
                                 "'variants', 'task_evaluations' or 'wall_time'"));
  }
  if (root["selection"]) {
    return tl::unexpected(in.Bad(root["selection"],
                                 "'search.mode: tasks' draws parents by its own Thompson sampling "
                                 "on clades (docs/search.md); leave out 'selection'"));
  }
  return {};
}

Result<> CheckPaths(const ConfigReader& in, const YAML::Node& root, const RunConfig& config) {
  std::error_code error;
  if (!fs::is_directory(config.agent, error)) {
    return tl::unexpected(
        in.Bad(root["agent"], "the agent directory {} does not exist", config.agent.string()));
  }
  if (!fs::exists(config.agent / "agent.yaml", error)) {
    return tl::unexpected(in.Bad(root["agent"], "{} has no agent.yaml", config.agent.string()));
  }
  fs::path suite = config.benchmark;
  if (fs::is_directory(suite, error)) suite /= "suite.yaml";
  if (!fs::exists(suite, error)) {
    return tl::unexpected(
        in.Bad(root["benchmark"], "the benchmark {} does not exist", config.benchmark.string()));
  }
  return {};
}

// `model:` (one model) or `models:` (an ensemble, each entry what `model:` takes), and
// `model_selection`.
Result<> ReadModels(const ConfigReader& in, const YAML::Node& root, RunConfig& config) {
  if (root["model"] && root["models"]) {
    return tl::unexpected(in.Bad(root["models"], "give 'model' or 'models', not both"));
  }
  if (root["model"]) {
    config.models = {CLADE_TRY(model::LoadModelConfig(in.file(), root["model"]))};
  }
  if (const YAML::Node list = root["models"]) {
    if (!list.IsSequence() || list.size() == 0) {
      return tl::unexpected(
          in.Bad(list, "'models' must be a list of models, each what 'model' takes"));
    }
    for (const YAML::Node& entry : list) {
      model::ModelConfig next = CLADE_TRY(model::LoadModelConfig(in.file(), entry));
      for (const model::ModelConfig& before : config.models) {
        if (before.name == next.name) {
          return tl::unexpected(in.Bad(entry, "the model '{}' is listed twice in 'models'",
                                       next.name));
        }
      }
      config.models.push_back(std::move(next));
    }
  }
  if (auto name = CLADE_TRY(ReadString(in.file(), root, "model_selection"))) {
    auto selection = model::ParseModelSelection(*name);
    if (!selection) {
      return tl::unexpected(in.Bad(root["model_selection"],
                                   "unknown model_selection '{}' (expected fixed, round_robin or ucb)",
                                   *name));
    }
    if (config.models.empty()) {
      return tl::unexpected(in.Bad(root["model_selection"], "'model_selection' needs 'models'"));
    }
    config.model_selection = *selection;
  }
  return {};
}

// `memory: off`, `memory: on` or `memory: {lessons: K}` (K = 0 is off).
Result<> ReadMemory(const ConfigReader& in, const YAML::Node& node, RunConfig& config) {
  if (node.IsScalar()) {
    bool on = false;
    if (!YAML::convert<bool>::decode(node, on)) {
      return tl::unexpected(
          in.Bad(node, "'memory' must be on, off or a mapping with 'lessons' (got '{}')",
                 node.Scalar()));
    }
    config.memory_lessons = on ? RunConfig::kDefaultLessons : 0;
    return {};
  }
  CLADE_TRY(CheckKeys(in.file(), node, "memory", {"lessons"}));
  if (auto k = CLADE_TRY(in.Int(node, "lessons", 0))) {
    config.memory_lessons = static_cast<size_t>(std::min<int64_t>(*k, 100));
  }
  return {};
}

Result<> ReadTop(const ConfigReader& in, const YAML::Node& root, RunConfig& config) {
  CLADE_TRY(
      CheckKeys(in.file(), root, "the run configuration",
                {"run", "agent", "benchmark", "mutator", "gi", "model", "models", "model_selection",
                 "memory", "evaluation", "search", "workers", "selection", "pruning", "budget",
                 "sandbox", "executor", "slurm"},
                {"run", "agent", "benchmark"}));
  CLADE_TRY(ReadRun(in, root["run"], config));
  config.agent = *CLADE_TRY(in.Path(root, "agent"));
  config.benchmark = *CLADE_TRY(in.Path(root, "benchmark"));
  SetIf(CLADE_TRY(ReadString(in.file(), root, "mutator")), config.mutator);
  if (config.mutator != "gi" && config.mutator != "llm" && config.mutator != "self") {
    return tl::unexpected(
        in.Bad(root["mutator"], "unknown mutator '{}' (expected gi, llm or self)", config.mutator));
  }
  if (config.mutator != "gi" && !root["model"] && !root["models"]) {
    return tl::unexpected(in.Bad(root["mutator"], "mutator '{}' needs a 'model' or 'models' section",
                                 config.mutator));
  }
  if (root["gi"]) CLADE_TRY(ReadGi(in, root["gi"], config.gi));
  CLADE_TRY(ReadModels(in, root, config));
  if (root["memory"]) CLADE_TRY(ReadMemory(in, root["memory"], config));
  if (root["evaluation"]) CLADE_TRY(ReadEvaluation(in, root["evaluation"], config));
  if (root["search"]) CLADE_TRY(ReadSearch(in, root["search"], config));
  if (auto n = CLADE_TRY(in.Int(root, "workers", 1))) config.workers = static_cast<int>(*n);
  if (root["selection"]) CLADE_TRY(ReadSelection(in, root["selection"], config));
  if (root["pruning"]) CLADE_TRY(ReadPruning(in, root["pruning"], config));
  if (root["budget"]) CLADE_TRY(ReadBudget(in, root["budget"], config.budget));
  if (root["sandbox"]) CLADE_TRY(ReadSandbox(in, root["sandbox"], config));
  CLADE_TRY(ReadExecutor(in, root, config));
  CLADE_TRY(CheckTasksMode(in, root, config));
  return CheckPaths(in, root, config);
}

}  // namespace

std::optional<double> ParseDuration(const std::string& text) {
  if (text.empty()) return std::nullopt;
  size_t used = 0;
  double value = 0;
  try {
    value = std::stod(text, &used);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  std::string unit = text.substr(used);
  double scale = unit.empty() || unit == "s" ? 1
                 : unit == "m"               ? 60
                 : unit == "h"               ? 3600
                 : unit == "d"               ? 86400
                                             : -1;
  if (scale < 0 || !std::isfinite(value)) return std::nullopt;
  return value * scale;
}

namespace {

nlohmann::json ValidationFingerprint(const std::optional<ValidationConfig>& validation) {
  if (!validation) return nullptr;
  return {{"suite", validation->suite.string()},
          {"fraction", validation->fraction},
          {"alpha", validation->alpha},
          {"paired_test", selection::PairedTestName(validation->test)}};
}

}  // namespace

nlohmann::json RunConfig::Fingerprint() const {
  nlohmann::json stages_json = nlohmann::json::array();
  for (const auto& stage : stages) {
    stages_json.push_back({{"tasks", stage.tasks}, {"threshold", stage.threshold}});
  }
  nlohmann::json fingerprint = {{"seed", seed},
          {"benchmark", benchmark.string()},
          {"mutator", mutator},
          {"gi",
           {{"max_operators", gi.max_operators},
            {"operators", gi.operators},
            {"crossover_rate", gi.crossover_rate},
            {"max_attempts", gi.max_attempts},
            {"focus", gi.focus}}},
          {"stages", parent_gate ? nlohmann::json("gate: parent") : stages_json},
          {"tasks", max_tasks ? nlohmann::json(*max_tasks) : nlohmann::json()},
          {"validation", ValidationFingerprint(validation)},
          {"mode", mode == SearchMode::kAsync   ? "async"
                   : mode == SearchMode::kTasks ? "tasks"
                                                : "generational"},
          {"duplicates", reject_duplicates ? "reject" : "evaluate"},
          {"islands", islands},
          {"migration_interval", islands > 1 ? nlohmann::json(migration_interval) : nullptr},
          {"children", ChildrenPerIteration()},
          {"policy", policy},
          {"selection",
           {{"lambda", selection.lambda},
            {"midpoint", selection.midpoint},
            {"top3", selection.top_three_midpoint},
            {"tournament_size", selection.tournament_size},
            {"hgm_failures_are_losses", selection.hgm_failures_are_losses}}},
          {"pruning", pruning},
          {"pruning_options",
           {{"max_size", pruning_options.max_size}, {"leeway", pruning_options.leeway}}}};
  // Only when set, so runs from before repeats existed resume with the same fingerprint.
  if (mode == SearchMode::kTasks) fingerprint["expand_exponent"] = expand_exponent;
  if (cool_down > 0) fingerprint["cool_down"] = cool_down;
  // An ensemble's models (by name) and rule; absent for one model, so runs from before
  // ensembles existed resume.
  if (models.size() > 1 || model_selection != model::ModelSelection::kFixed) {
    nlohmann::json names = nlohmann::json::array();
    for (const model::ModelConfig& m : models) names.push_back(m.name);
    fingerprint["models"] = {{"names", names},
                             {"selection", model::ModelSelectionName(model_selection)}};
  }
  // How many lessons a prompt shows (0: memory off): they shape the llm and self prompts.
  fingerprint["memory"] = memory_lessons;
  if (repeats.count > 1) {
    fingerprint["repeats"] = {{"count", repeats.count}, {"adaptive", repeats.adaptive}};
  }
  return fingerprint;
}

std::optional<std::string> FingerprintChange(const nlohmann::json& saved,
                                             const nlohmann::json& current) {
  for (const auto& [key, value] : current.items()) {
    if (!saved.contains(key)) continue;  // a key older runs did not record
    if (saved[key] != value) {
      return fmt::format("'{}' changed from {} to {}", key, saved[key].dump(), value.dump());
    }
  }
  return std::nullopt;
}

Result<RunConfig> LoadRunConfig(const fs::path& file) {
  fs::path absolute = fs::absolute(file).lexically_normal();
  YamlDocument document = CLADE_TRY(LoadYaml(absolute));
  RunConfig config;
  config.file = absolute;
  config.text = CLADE_TRY(ReadFile(absolute));
  CLADE_TRY(ReadTop(ConfigReader(absolute), document.root, config));
  return config;
}

}  // namespace clade::search
