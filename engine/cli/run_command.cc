#include "engine/cli/run_command.h"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <unistd.h>

#include "engine/cli/output.h"
#include "engine/cli/work_dir.h"
#include "engine/executor/executor.h"
#include "engine/executor/slurm_executor.h"
#include "engine/model/model_client.h"
#include "engine/report/model_usage.h"
#include "engine/search/budget.h"
#include "engine/search/mutators.h"
#include "engine/search/run_config.h"
#include "engine/search/search.h"
#include "sandbox/evaluator.h"
#include "support/defer.h"
#include "support/fs.h"

namespace clade::cli {

namespace {

namespace fs = std::filesystem;
using search::RunConfig;

struct RunOptions {
  std::string config = "clade.yaml";
  bool resume = false;
  int workers = 0;
  std::string work;
  bool json = false;
};

std::atomic<int> g_stop{search::kRun};

extern "C" void OnStopSignal(int) {
  int previous = g_stop.fetch_add(1);
  const char* text = previous == 0
                         ? "\nclade: stopping: finishing the children in flight and saving "
                           "(press Ctrl-C again to abandon them)\n"
                         : "\nclade: abandoning the children in flight\n";
  ssize_t ignored = ::write(STDERR_FILENO, text, std::char_traits<char>::length(text));
  (void)ignored;
}

// Installs the stop handler for SIGINT and SIGTERM until destroyed.
class StopSignals {
 public:
  StopSignals() {
    g_stop = search::kRun;
    struct sigaction action {};
    action.sa_handler = OnStopSignal;
    sigemptyset(&action.sa_mask);
    ::sigaction(SIGINT, &action, &old_int_);
    ::sigaction(SIGTERM, &action, &old_term_);
  }
  ~StopSignals() {
    ::sigaction(SIGINT, &old_int_, nullptr);
    ::sigaction(SIGTERM, &old_term_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  struct sigaction old_int_ {};
  struct sigaction old_term_ {};
};

bool Missing(const fs::path& path) {
  std::error_code error;
  return !fs::exists(path, error) || fs::is_empty(path, error);
}

Result<> AddSeed(archive::Archive& archive, const RunConfig& config) {
  std::string tree = CLADE_TRY(archive.WriteTreeFromDirectory(config.agent));
  archive::NewVariant seed;
  seed.tree = tree;
  seed.summary = fmt::format("seed: {}", config.agent.filename().string());
  seed.details =
      fmt::format("The seed agent of run '{}', from {}.", config.name, config.agent.string());
  seed.trailers = {{"Clade-Mutator", "seed"}};
  CLADE_TRY(archive.AddVariant(seed));
  return {};
}

Result<std::unique_ptr<archive::Archive>> OpenRunArchive(const RunConfig& config,
                                                         const RunOptions& options) {
  std::string holder = fmt::format("clade run {}", config.name);
  std::unique_ptr<archive::Archive> archive;
  if (Missing(config.archive)) {
    if (options.resume) {
      return FailAs(ErrorKind::kUsage, "{}: there is no run to resume at {}", config.file.string(),
                    config.archive.string());
    }
    std::error_code error;
    fs::create_directories(config.archive.parent_path(), error);
    archive = CLADE_TRY(archive::Archive::Create(
        config.archive, {.mode = archive::Mode::kWrite, .holder = holder}));
  } else {
    archive = CLADE_TRY(OpenArchiveAt(config.archive, archive::Mode::kWrite, holder));
  }
  if (archive->size() == 0) CLADE_TRY(AddSeed(*archive, config));
  return archive;
}

// Refuses to resume a run whose config changed in a way that matters.
Result<> CheckResumable(archive::Archive& archive, RunConfig& config) {
  auto state = CLADE_TRY(archive.State());
  if (!state || !state->contains("fingerprint")) return {};
  // Children per iteration default to the workers the run started with, so that a resume
  // with more or fewer workers makes the same iterations.
  const nlohmann::json& saved = (*state)["fingerprint"];
  if (config.children == 0 && saved.contains("children") && saved["children"].is_number()) {
    config.children = saved["children"].get<int>();
  }
  if (auto change = search::FingerprintChange((*state)["fingerprint"], config.Fingerprint())) {
    return FailAs(ErrorKind::kUsage,
                  "{}: cannot resume the run in {}: {}; restore the setting, or start a new "
                  "run with another run.archive",
                  config.file.string(), config.archive.string(), *change);
  }
  return {};
}

// The `validation` object of `clade run --json`: null without validation.
nlohmann::json ValidationSummaryJson(const search::SearchSummary& summary) {
  if (!summary.seed_summary.confirmed) return nullptr;
  auto score = [](const std::optional<double>& value) {
    return value ? nlohmann::json(*value) : nlohmann::json();
  };
  return {{"seed_score", score(summary.seed_summary.validation_score)},
          {"best_score", score(summary.best_summary.validation_score)},
          {"best_p_worse", score(summary.best_summary.p_worse)},
          {"confirmed", summary.confirmed},
          {"not_confirmed", summary.not_confirmed}};
}

nlohmann::json SummaryJson(const search::SearchSummary& summary, const RunConfig& config,
                           const std::vector<report::ModelUsage>& models) {
  auto score = [](const std::optional<double>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json();
  };
  return {{"outcome", search::RunEndName(summary.end)},
          {"reason", summary.reason},
          {"archive", config.archive.string()},
          {"benchmark", summary.state.benchmark},
          {"iterations", summary.state.iterations},
          {"task_evaluations", summary.state.task_evaluations},
          {"children", summary.state.children},
          {"failures", summary.state.failures},
          {"session_children", summary.children},
          {"seconds", summary.state.seconds},
          {"cpu_seconds", summary.state.cpu_seconds},
          {"tokens", summary.state.tokens},
          {"cost", summary.state.cost},
          {"seed_score", score(summary.seed_score)},
          {"best", summary.best ? nlohmann::json(*summary.best) : nlohmann::json()},
          {"best_score", score(summary.best_score)},
          {"validation", ValidationSummaryJson(summary)},
          {"worker_busy_fraction", summary.worker_busy_fraction},
          {"models", report::ModelUsageJson(models)}};
}

void PrintSummary(const search::SearchSummary& summary, const RunConfig& config,
                  const std::vector<report::ModelUsage>& models) {
  const search::RunState& state = summary.state;
  std::string archive = config.archive.string();
  Print(fmt::format("run '{}' {}: {}\n", state.name, search::RunEndName(summary.end),
                    summary.reason));
  std::string work = config.mode == search::SearchMode::kTasks
                         ? fmt::format("{} task evaluations", state.task_evaluations)
                         : fmt::format("{} iterations", state.iterations);
  Print(fmt::format("  {} children in {} ({} did not evaluate), {} in all; {} this session\n",
                    state.children, work, state.failures, search::FormatSeconds(state.seconds),
                    summary.children));
  if (summary.seed_score) {
    Print(fmt::format("  seed (variant 0): {:.3f} on {}{}\n", *summary.seed_score, state.benchmark,
                      ValidationText(summary.seed_summary)));
  }
  if (summary.best && summary.best_score) {
    double gain = *summary.best_score - summary.seed_score.value_or(0);
    Print(fmt::format("  best (variant {}): {:.3f} ({:+.3f} over the seed){}\n", *summary.best,
                      *summary.best_score, gain, ValidationText(summary.best_summary)));
  }
  for (const report::ModelUsage& model : models) {
    Print(fmt::format("  model {}\n", report::ModelUsageLine(model)));
  }
  if (config.validation) {
    Print(fmt::format("  validation: {} children beat their parent and were confirmed, {} were "
                      "not (worse on the held-out tasks); only confirmed ones can be the best\n",
                      summary.confirmed, summary.not_confirmed));
  }
  Print(
      fmt::format("\nlook further:\n"
                  "  clade tree --archive {0}\n"
                  "  git --git-dir {0} log --graph --oneline --glob='refs/clade/variants/*'\n"
                  "  clade show best --diff --archive {0}\n"
                  "  clade replay best seed --benchmark OTHER_SUITE --archive {0}\n",
                  archive));
  if (summary.end == search::RunEnd::kStopped || summary.end == search::RunEnd::kAbandoned) {
    Print(fmt::format("resume with: clade run {}\n", config.file.string()));
  }
}

// The Slurm executor of `config` (docs/cluster.md), its jobs kept from `hidden`; they run
// this very binary unless slurm.clade names another.
Result<std::unique_ptr<executor::SlurmExecutor>> MakeSlurmExecutor(const RunConfig& config,
                                                                   const archive::Archive& archive,
                                                                   std::vector<fs::path> hidden) {
  if (!executor::SlurmCommandsFound()) {
    return FailAs(ErrorKind::kUsage,
                  "{}: 'executor: slurm' needs the Slurm commands (sbatch, squeue, scancel) on "
                  "PATH; this machine has no sbatch",
                  config.file.string());
  }
  executor::SlurmRun run;
  run.name = config.name;
  run.dir = executor::SlurmRunDirectory(config.slurm.shared, config.name, archive.path());
  std::error_code error;
  run.clade =
      config.slurm.clade.empty() ? fs::read_symlink("/proc/self/exe", error) : config.slurm.clade;
  if (run.clade.empty()) return Fail("cannot find the clade binary: {}", error.message());
  run.build_seconds = config.build_seconds;
  run.build_memory_mb = config.build_memory_mb;
  run.require_isolation = config.require_isolation;
  run.read_only = config.read_only;
  run.disk_mb = config.disk_mb;
  run.hidden = std::move(hidden);
  fs::create_directories(run.dir / "jobs", error);
  if (error) {
    return Fail("cannot create the run's directory {} on the shared path: {}", run.dir.string(),
                error.message());
  }
  return std::make_unique<executor::SlurmExecutor>(config.slurm, std::move(run),
                                                   executor::MakeSlurmClient());
}

// What the run's children are built and evaluated by: the Slurm executor, or the local one
// on the claimed build slots (with a model socket per evaluation when there is a model).
struct RunExecutor {
  std::unique_ptr<executor::Executor> executor;
  executor::SlurmExecutor* slurm = nullptr;  // the same object, when it is the Slurm one
};

Result<RunExecutor> MakeExecutor(const RunConfig& config, const archive::Archive& archive,
                                 const sandbox::HarnessOptions& harness, std::vector<int> slots,
                                 const std::shared_ptr<model::ModelClient>& client) {
  RunExecutor made;
  if (config.executor == search::ExecutorKind::kSlurm) {
    auto slurm = CLADE_TRY(MakeSlurmExecutor(config, archive, harness.hidden));
    made.slurm = slurm.get();
    made.executor = std::move(slurm);
    return made;
  }
  auto local = std::make_unique<executor::LocalExecutor>(harness, std::move(slots));
  if (client) local->SetModel(client, config.SocketModel()->agent_tokens);
  made.executor = std::move(local);
  return made;
}

// The suites a run evaluates on: its benchmark (less the held-out tasks) and, with
// evaluation.validation, the validation tasks (engine/search/validation.h).
struct RunSuites {
  sandbox::Suite selection;
  std::string selection_hash;
  std::optional<sandbox::Suite> validation;
  search::ValidationSetup setup;  // setup.suite is set by the caller, once this is in place
};

Result<RunSuites> LoadRunSuites(const RunConfig& config) {
  RunSuites suites;
  suites.selection = CLADE_TRY(sandbox::LoadSuite(config.benchmark));
  if (!archive::IsValidBenchmarkName(suites.selection.name)) {
    return FailAs(ErrorKind::kUsage, "the suite name '{}' cannot name a notes ref",
                  suites.selection.name);
  }
  if (!config.validation) {
    suites.selection_hash = CLADE_TRY(sandbox::SuiteHash(suites.selection));
    return suites;
  }
  const search::ValidationConfig& validation = *config.validation;
  if (validation.fraction > 0) {
    search::SplitSuite split =
        CLADE_TRY(search::HoldOut(suites.selection, validation.fraction, config.seed));
    suites.selection = std::move(split.selection);
    suites.validation = std::move(split.validation);
    suites.selection_hash = CLADE_TRY(search::TasksHash(suites.selection));
    suites.setup.suite_hash = CLADE_TRY(search::TasksHash(*suites.validation));
  } else {
    suites.selection_hash = CLADE_TRY(sandbox::SuiteHash(suites.selection));
    suites.validation = CLADE_TRY(sandbox::LoadSuite(validation.suite));
    suites.setup.suite_hash = CLADE_TRY(sandbox::SuiteHash(*suites.validation));
    if (suites.validation->name == suites.selection.name) {
      return FailAs(ErrorKind::kUsage,
                    "{}: the validation suite '{}' has the benchmark's name; hold tasks out with "
                    "a fraction instead",
                    config.file.string(), suites.validation->name);
    }
  }
  if (!archive::IsValidBenchmarkName(suites.validation->name)) {
    return FailAs(ErrorKind::kUsage, "the suite name '{}' cannot name a notes ref",
                  suites.validation->name);
  }
  suites.setup.benchmark = suites.validation->name;
  suites.setup.alpha = validation.alpha;
  suites.setup.test = validation.test;
  return suites;
}

// The sandbox every local step of the run uses. The archive and the suite are hidden: the
// suite is absent from every step anyway, and hidden as well in case a read_only path holds
// it (the self mutator's run of the agent uses this harness directly).
sandbox::HarnessOptions RunHarness(const RunConfig& config, const fs::path& work,
                                   const archive::Archive& archive, const sandbox::Suite& suite) {
  sandbox::HarnessOptions harness{.work = work,
                                  .hidden = {fs::absolute(archive.path()), suite.dir},
                                  .read_only = config.read_only,
                                  .build_seconds = config.build_seconds,
                                  .build_memory_mb = config.build_memory_mb,
                                  .disk_mb = config.disk_mb};
  if (config.require_isolation) harness.isolation = sandbox::Isolation::kBubblewrap;
  return harness;
}

// Prints how the run ended (JSON or text) and turns it into the command's result: exit 130
// at once when children were abandoned, an error when the run failed.
Result<> EndRun(const search::SearchSummary& summary, const RunConfig& config,
                executor::SlurmExecutor* slurm, bool json, archive::Archive& archive) {
  if (slurm && summary.end != search::RunEnd::kAbandoned) {
    CLADE_TRY(slurm->Close());
    executor::SlurmCounts counts = slurm->counts();
    std::fprintf(stderr,
                 "slurm: %d jobs submitted, %d adopted from an earlier session, %d cancelled\n",
                 counts.submitted, counts.adopted, counts.cancelled);
  }
  // Per model of the ensemble (llm and self): what it spent and the children it made.
  std::vector<report::ModelUsage> models;
  if (config.mutator != "gi" && !config.models.empty() && !summary.state.benchmark.empty()) {
    std::vector<std::string> names;
    for (const model::ModelConfig& model : config.models) names.push_back(model.name);
    models = CLADE_TRY(report::ModelUsages(archive, summary.state.benchmark, names));
  }
  if (json) {
    PrintJson(SummaryJson(summary, config, models));
  } else {
    PrintSummary(summary, config, models);
  }
  if (summary.end == search::RunEnd::kAbandoned) {
    std::fflush(stdout);
    std::_Exit(130);  // the workers are still in their sandboxes; exiting ends them
  }
  if (summary.end == search::RunEnd::kFailed) {
    return Fail("run '{}' failed: {}", config.name, summary.reason);
  }
  return {};
}

Result<> RunRun(const RunOptions& options) {
  RunConfig config = CLADE_TRY(search::LoadRunConfig(options.config));
  if (options.workers > 0) config.workers = options.workers;
  if (!options.work.empty()) config.work = options.work;
  RunSuites suites = CLADE_TRY(LoadRunSuites(config));
  const sandbox::Suite& suite = suites.selection;
  if (suites.validation) suites.setup.suite = &*suites.validation;
  // One client per model; the first is also behind the agents' model socket.
  std::vector<std::shared_ptr<model::ModelClient>> clients;
  for (const model::ModelConfig& model : config.models) {
    clients.push_back(CLADE_TRY(model::ModelClient::Create(model)));
  }
  std::shared_ptr<model::ModelClient> client = clients.empty() ? nullptr : clients.front();
  auto archive = CLADE_TRY(OpenRunArchive(config, options));
  CLADE_TRY(CheckResumable(*archive, config));

  fs::path work = WorkDirectory(config.work.string());
  std::vector<SlotClaim> claims;  // held until the run ends
  std::vector<int> slots;
  // Slurm jobs claim their slots on their nodes.
  int local_workers = config.executor == search::ExecutorKind::kLocal ? config.workers : 0;
  for (int i = 0; i < local_workers; ++i) {
    claims.push_back(CLADE_TRY(ClaimSlot(work)));
    slots.push_back(claims.back().slot);
  }
  sandbox::HarnessOptions harness = RunHarness(config, work, *archive, suite);
  if (suites.validation) harness.hidden.push_back(suites.validation->dir);
  auto mutators = CLADE_TRY(search::MakeMutators(config, clients, harness));
  std::vector<const mutation::Mutator*> mutator_views;
  for (const auto& mutator : mutators) mutator_views.push_back(mutator.get());
  RunExecutor executor = CLADE_TRY(MakeExecutor(config, *archive, harness, slots, client));
  TempDir scratch("clade-run");
  auto progress = search::MakeProgress(stderr, ::isatty(STDERR_FILENO) != 0);

  StopSignals signals;
  search::SearchContext context{.archive = archive.get(),
                                .config = &config,
                                .suite = &suite,
                                .suite_hash = suites.selection_hash,
                                .validation = suites.validation ? &suites.setup : nullptr,
                                .mutators = mutator_views,
                                .executor = executor.executor.get(),
                                .progress = progress.get(),
                                .scratch = scratch.path(),
                                .stop = &g_stop};
  search::SearchSummary summary = CLADE_TRY(search::RunSearch(context));
  return EndRun(summary, config, executor.slurm, options.json, *archive);
}

}  // namespace

Command RegisterRunCommand(CLI::App& app) {
  auto options = std::make_shared<RunOptions>();
  CLI::App* command = app.add_subcommand(
      "run", "Launch or resume an evolutionary search described by a run configuration");
  command->add_option("CONFIG", options->config, "The run configuration (default: clade.yaml)");
  command->add_flag("--resume", options->resume,
                    "Only resume: fail if the configured archive does not exist yet");
  command->add_option("--workers", options->workers,
                      "Children built and evaluated at once (overrides 'workers')");
  command->add_option("--work", options->work,
                      "Build slots and scratch (overrides run.work; default "
                      "~/.cache/clade/work)");
  AddJsonOption(*command, &options->json);
  command->footer(
      "Creates the archive named by run.archive with the agent as its seed (variant 0),\n"
      "evaluates the seed, then repeats: select parents, mutate, build and evaluate the\n"
      "children in a sandbox, add them to the archive, prune, until a budget is spent.\n"
      "With 'search: {mode: tasks}' the unit of work is one task evaluation instead, HGM's\n"
      "scheduler choosing between a new child and one more task of a variant\n"
      "(docs/search.md). Budgets: children, task evaluations, CPU or wall time, tokens.\n"
      "On a terminal a status line shows progress; otherwise one line per child.\n"
      "Ctrl-C (or SIGTERM) stops cleanly: the children in flight are finished and the run\n"
      "state is saved; a second Ctrl-C abandons them. Running the same command again\n"
      "resumes the run; it is refused if the config changed in a way that matters (seed,\n"
      "mutator, selection, pruning, stages); budgets, workers and limits may change.\n"
      "Exit 0 when the run finished or stopped cleanly, 1 when it failed, 2 on bad input,\n"
      "130 when in-flight children were abandoned. Every key: docs/config.md.\n\n"
      "Examples:\n  clade run examples/quickstart.yaml\n"
      "  clade run examples/quickstart.yaml --workers 2 --json\n"
      "  clade run examples/per_task.yaml");
  return {command, [options] { return RunRun(*options); }};
}

}  // namespace clade::cli
