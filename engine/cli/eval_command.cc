#include "engine/cli/eval_command.h"

#include <iostream>
#include <memory>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "engine/cli/eval_flags.h"
#include "engine/cli/output.h"
#include "engine/cli/work_dir.h"
#include "engine/search/evaluation_store.h"
#include "sandbox/evaluator.h"
#include "support/fs.h"

namespace clade::cli {

namespace {

namespace fs = std::filesystem;
using sandbox::Evaluation;
using sandbox::TaskResult;

struct EvalOptions {
  std::string target;
  EvalFlags eval;
  std::string archive;
  bool json = false;
};

bool IsAgentDirectory(const std::string& target) {
  std::error_code error;
  return fs::is_directory(target, error) && fs::exists(fs::path(target) / "agent.yaml", error);
}

// A variant is named by an id, 'seed', 'best' or a commit prefix, none of which has a '/':
// a target with one is meant as an agent directory, and so is a directory that exists
// when no archive is named.
bool MeantAsDirectory(const EvalOptions& options) {
  std::error_code error;
  return options.target.find('/') != std::string::npos ||
         (options.archive.empty() && fs::is_directory(options.target, error));
}

// The one sentence for a path that is not an agent directory, instead of asking for an
// archive the user did not mean to name.
Result<> NotAnAgentDirectory(const std::string& target) {
  std::error_code error;
  if (!fs::exists(target, error)) {
    return FailAs(ErrorKind::kUsage, "agent directory {} does not exist", target);
  }
  if (!fs::is_directory(target, error)) {
    return FailAs(ErrorKind::kUsage, "{} is not an agent directory (it is a file)", target);
  }
  return FailAs(ErrorKind::kUsage,
                "{} is not an agent directory: it has no agent.yaml (docs/agents.md)", target);
}

void PrintProgress(const TaskResult& task, size_t done, size_t total) {
  std::cerr << fmt::format("[{}/{}] {:<28} {:<16} {:.3f}  ({:.1f} s){}\n", done, total, task.id,
                           task.status, task.score, task.seconds, RepeatsText(task.repeat_scores));
}

void PrintEvaluation(const nlohmann::json& record, bool cached, bool json) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& task : record["tasks"]) {
    nlohmann::json item = {{"id", task["id"]},
                           {"score", task["score"]},
                           {"status", task["status"]},
                           {"seconds", task["seconds"]}};
    if (task.contains("scores")) item["scores"] = task["scores"];
    if (task.contains("visible")) item["visible"] = task["visible"];
    tasks.push_back(std::move(item));
  }
  if (json) {
    nlohmann::json out = {{"score", record["score"]},
                          {"status", record["status"]},
                          {"benchmark", record["benchmark"]},
                          {"tasks", tasks},
                          {"cached", cached},
                          {"stage", record["stage"]}};
    if (record.contains("variant")) out["variant"] = record["variant"];
    if (record.contains("score_stderr")) out["score_stderr"] = record["score_stderr"];
    if (record.contains("repeats")) out["repeats"] = record["repeats"];
    if (record.contains("visible_pass_hidden_fail")) {
      out["visible_pass_hidden_fail"] = record["visible_pass_hidden_fail"];
    }
    PrintJson(out);
    return;
  }
  std::vector<std::vector<std::string>> rows = {{"task", "status", "score", "seconds"}};
  for (const auto& task : tasks) {
    rows.push_back({task["id"].get<std::string>(), task["status"].get<std::string>(),
                    fmt::format("{:.3f}", task["score"].get<double>()) +
                        RepeatsText(task.value("scores", std::vector<double>())),
                    fmt::format("{:.1f}", task["seconds"].get<double>())});
  }
  Print(RenderTable(rows));
  std::string spread;
  if (record.contains("score_stderr") && record["score_stderr"].is_number()) {
    spread = fmt::format(" ± {:.3f} (standard error over {} repeats)",
                         record["score_stderr"].get<double>(),
                         record["repeats"].value("count", 1));
  }
  Print(fmt::format(
      "\n{} on {}: score {:.3f}{} over {} tasks (stage {} of {}){}\n",
      record.contains("variant") ? fmt::format("variant {}", record["variant"].get<int>())
                                 : std::string("the agent"),
      record["benchmark"].get<std::string>(), record["score"].get<double>(), spread, tasks.size(),
      record["stage"]["reached"].get<int>(), record["stage"]["of"].get<int>(),
      cached ? ", from the archive (not run again)" : ""));
  if (record.contains("visible_pass_hidden_fail")) {
    Print(fmt::format("{} of {} tasks pass every visible case and fail a hidden one\n",
                      record["visible_pass_hidden_fail"].get<int>(), tasks.size()));
  }
}

Result<Evaluation> RunEvaluation(const EvalOptions& options, const fs::path& source,
                                 const sandbox::Suite& suite, std::vector<fs::path> hidden) {
  fs::path work = WorkDirectory(options.eval.sandbox.work);
  sandbox::HarnessOptions harness =
      CLADE_TRY(HarnessFrom(options.eval.sandbox, work, std::move(hidden)));
  SlotClaim claim = CLADE_TRY(ClaimSlot(work));
  sandbox::EvalOptions eval;
  eval.workers = TaskWorkers(options.eval);
  eval.slot = claim.slot;
  if (options.eval.tasks > 0) eval.max_tasks = options.eval.tasks;
  eval.repeats = CLADE_TRY(RepeatsFrom(options.eval));
  eval.on_task = PrintProgress;
  std::cerr << fmt::format("building {} ...\n", source.string());
  return sandbox::Evaluate(harness, source, suite, eval);
}

Result<> FailIfNotBuilt(const Evaluation& evaluation, const std::string& what) {
  if (evaluation.build.ok() || !evaluation.build.tampered.empty()) return {};
  std::cerr << evaluation.build.log;
  return Fail(
      "{} did not build ({}); the build output is above ({{src}} in it is the copy of the "
      "agent's source that was built, {{build}} its build folder)",
      what, evaluation.status);
}

// A tampered evaluation (run now or found in the archive) is printed, then fails the
// command naming what changed.
Result<> FailIfTampered(const nlohmann::json& record, const std::string& what) {
  if (CLADE_TRY(archive::SummaryOfRecord(record)).status != EvalStatus::kTampered) return {};
  std::vector<std::string> changes;
  for (const auto& change : record.value("tampered", nlohmann::json::array())) {
    std::string task = change.value("task", "");
    changes.push_back(fmt::format("{} {} by the {}{}", change.value("path", "?"),
                                  change.value("change", "?"), change.value("step", "?"),
                                  task.empty() ? "" : " on task " + task));
  }
  return Fail("{} tampered with files it must leave alone ({}); it scores 0", what,
              fmt::join(changes, ", "));
}

Result<> EvalDirectory(const EvalOptions& options, const sandbox::Suite& suite) {
  Evaluation evaluation = CLADE_TRY(RunEvaluation(options, options.target, suite, {}));
  CLADE_TRY(FailIfNotBuilt(evaluation, options.target));
  nlohmann::json record = evaluation.ToRecord();
  PrintEvaluation(record, false, options.json);
  return FailIfTampered(record, options.target);
}

Result<> EvalVariant(const EvalOptions& options, const sandbox::Suite& suite) {
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kWrite, "clade eval"));
  VariantId id = CLADE_TRY(ResolveVariant(*archive, options.target));
  if (!archive::IsValidBenchmarkName(suite.name)) {
    return FailAs(ErrorKind::kUsage, "the suite name '{}' cannot name a notes ref", suite.name);
  }
  const Variant& variant = archive->variant(id);
  std::string key =
      search::EvaluationKey(variant.tree, CLADE_TRY(sandbox::SuiteHash(suite)), options.eval.tasks,
                            {}, {}, CLADE_TRY(RepeatsFrom(options.eval)));
  if (auto cached = CLADE_TRY(search::FindEvaluation(*archive, variant.tree, suite.name, key))) {
    nlohmann::json record = *cached;
    record["variant"] = id;
    record["parents"] = variant.parents;
    record["mutation"] = CLADE_TRY(search::MutationRecord(*archive, variant));
    if (!CLADE_TRY(archive->Record(id, suite.name)))
      CLADE_TRY(archive->SetRecord(id, suite.name, record));
    PrintEvaluation(record, true, options.json);
    return FailIfTampered(record, fmt::format("variant {}", id));
  }
  TempDir source("clade-eval");
  CLADE_TRY(archive->Export(id, source.path() / "agent"));
  Evaluation evaluation = CLADE_TRY(
      RunEvaluation(options, source.path() / "agent", suite, {fs::absolute(archive->path())}));
  nlohmann::json record = search::MakeRecord(variant, evaluation, key);
  record["mutation"] = CLADE_TRY(search::MutationRecord(*archive, variant));
  CLADE_TRY(archive->SetRecord(id, suite.name, record));
  CLADE_TRY(search::StoreEvaluationLogs(*archive, id, evaluation));
  CLADE_TRY(FailIfNotBuilt(evaluation, fmt::format("variant {}", id)));
  PrintEvaluation(record, false, options.json);
  return FailIfTampered(record, fmt::format("variant {}", id));
}

Result<> RunEval(const EvalOptions& options) {
  sandbox::Suite suite = CLADE_TRY(sandbox::LoadSuite(options.eval.benchmark));
  if (IsAgentDirectory(options.target)) return EvalDirectory(options, suite);
  if (MeantAsDirectory(options)) return NotAnAgentDirectory(options.target);
  return EvalVariant(options, suite);
}

}  // namespace

Command RegisterEvalCommand(CLI::App& app) {
  auto options = std::make_shared<EvalOptions>();
  CLI::App* command =
      app.add_subcommand("eval", "Build an agent and score it on a benchmark suite, sandboxed");
  command
      ->add_option("VARIANT|DIR", options->target,
                   "A variant (id, 'seed', 'best', commit prefix) or an agent directory")
      ->required();
  AddEvalOptions(*command, &options->eval);
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Builds the agent in the sandbox (no network), runs it on each task in a fresh copy of\n"
      "the task's workspace, then scores the workspace with the hidden tests. Progress goes\n"
      "to stderr, one line per task. For an archived variant the record is stored as a note\n"
      "(git notes --ref=clade/SUITE show COMMIT) and the logs under refs/clade/logs/ID; a\n"
      "source tree already evaluated on the same suite content is not run again.\n"
      "Exit 1 if the agent does not build (its output is shown) or tampered with a file it\n"
      "must leave alone (the files are named), 2 on bad input.\n\n"
      "Examples:\n  clade eval agents/repair --benchmark benchmarks/repair --tasks 5\n"
      "  clade eval best --benchmark benchmarks/repair-transfer --json");
  return {command, [options] { return RunEval(*options); }};
}

}  // namespace clade::cli
