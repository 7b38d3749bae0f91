#include "engine/cli/replay_command.h"

#include <algorithm>
#include <iostream>
#include <memory>

#include <fmt/format.h>

#include "engine/cli/eval_flags.h"
#include "engine/cli/output.h"
#include "engine/cli/work_dir.h"
#include "engine/search/evaluation_store.h"
#include "sandbox/evaluator.h"
#include "support/fs.h"

namespace clade::cli {

namespace {

namespace fs = std::filesystem;

struct ReplayOptions {
  std::vector<std::string> variants;
  EvalFlags eval;
  std::string archive;
  bool json = false;
};

struct Replayed {
  VariantId id = 0;
  std::optional<double> run_score;
  nlohmann::json record;
  bool cached = false;
};

std::optional<double> ScoreOf(const nlohmann::json& record) {
  if (record.contains("score") && record["score"].is_number()) return record["score"].get<double>();
  return std::nullopt;
}

std::string ScoreText(const std::optional<double>& score) {
  return score ? fmt::format("{:.3f}", *score) : "-";
}

// Runs the evaluation of one variant (or finds it in the archive) and stores its record.
Result<Replayed> ReplayOne(archive::Archive& archive, VariantId id, const sandbox::Suite& suite,
                           const std::string& key_suffix_hash, const ReplayOptions& options,
                           const sandbox::HarnessOptions& harness, int slot) {
  const Variant& variant = archive.variant(id);
  Replayed replayed{.id = id};
  sandbox::Repeats repeats = CLADE_TRY(RepeatsFrom(options.eval));
  std::string key =
      search::EvaluationKey(variant.tree, key_suffix_hash, options.eval.tasks, {}, {}, repeats);
  if (auto cached = CLADE_TRY(search::FindEvaluation(archive, variant.tree, suite.name, key))) {
    replayed.record = *cached;
    replayed.record["variant"] = id;
    replayed.record["parents"] = variant.parents;
    replayed.cached = true;
    if (!CLADE_TRY(archive.Record(id, suite.name))) {
      CLADE_TRY(archive.SetRecord(id, suite.name, replayed.record));
    }
    return replayed;
  }
  std::cerr << fmt::format("replaying variant {} on {} ...\n", id, suite.name);
  TempDir source("clade-replay");
  CLADE_TRY(archive.Export(id, source.path() / "agent"));
  sandbox::EvalOptions eval;
  eval.workers = TaskWorkers(options.eval);
  eval.slot = slot;
  if (options.eval.tasks > 0) eval.max_tasks = options.eval.tasks;
  eval.repeats = repeats;
  eval.on_task = [](const sandbox::TaskResult& task, size_t done, size_t total) {
    std::cerr << fmt::format("  [{}/{}] {:<28} {:<16} {:.3f}\n", done, total, task.id, task.status,
                             task.score);
  };
  sandbox::Evaluation evaluation =
      CLADE_TRY(sandbox::Evaluate(harness, source.path() / "agent", suite, eval));
  replayed.record = search::MakeRecord(variant, evaluation, key);
  replayed.record["replay"] = true;
  CLADE_TRY(archive.SetRecord(id, suite.name, replayed.record));
  CLADE_TRY(search::StoreEvaluationLogs(archive, id, evaluation));
  return replayed;
}

nlohmann::json ReplayedJson(const Replayed& replayed, const std::string& run_benchmark) {
  nlohmann::json tasks = nlohmann::json::array();
  for (const auto& task : replayed.record.value("tasks", nlohmann::json::array())) {
    tasks.push_back({{"id", task["id"]},
                     {"score", task["score"]},
                     {"status", task["status"]},
                     {"seconds", task["seconds"]}});
  }
  auto number = [](const std::optional<double>& s) {
    return s ? nlohmann::json(*s) : nlohmann::json();
  };
  nlohmann::json out = {{"id", replayed.id},
                        {"run_benchmark", run_benchmark},
                        {"run_score", number(replayed.run_score)},
                        {"score", replayed.record.value("score", nlohmann::json())},
                        {"status", replayed.record.value("status", "")},
                        {"cached", replayed.cached},
                        {"tasks", tasks}};
  if (replayed.record.contains("visible_pass_hidden_fail")) {
    out["visible_pass_hidden_fail"] = replayed.record["visible_pass_hidden_fail"];
  }
  return out;
}

void PrintReplays(const std::vector<Replayed>& replays, const std::string& run_benchmark,
                  const std::string& suite, bool json) {
  if (json) {
    nlohmann::json variants = nlohmann::json::array();
    for (const Replayed& replayed : replays)
      variants.push_back(ReplayedJson(replayed, run_benchmark));
    PrintJson({{"benchmark", suite}, {"variants", variants}});
    return;
  }
  std::string run_column = run_benchmark.empty() ? "run score" : run_benchmark;
  std::vector<std::vector<std::string>> rows = {{"variant", run_column, suite, "status", "tasks"}};
  // Suites whose tasks name visible cases (docs/benchmarks.md) count the tasks that pass
  // every visible case and fail a hidden one; the column is shown when a record has it.
  const char* kFits = "visible_pass_hidden_fail";
  bool fits = std::any_of(replays.begin(), replays.end(),
                          [&](const Replayed& r) { return r.record.contains(kFits); });
  if (fits) rows[0].push_back("visible pass, hidden fail");
  for (const Replayed& replayed : replays) {
    rows.push_back(
        {std::to_string(replayed.id), ScoreText(replayed.run_score),
         ScoreText(ScoreOf(replayed.record)) + (replayed.cached ? " (kept)" : ""),
         replayed.record.value("status", ""),
         std::to_string(replayed.record.value("tasks", nlohmann::json::array()).size())});
    if (fits) {
      rows.back().push_back(replayed.record.contains(kFits)
                                ? std::to_string(replayed.record[kFits].get<int64_t>())
                                : "-");
    }
  }
  Print(RenderTable(rows));
}

Result<> RunReplay(const ReplayOptions& options) {
  sandbox::Suite suite = CLADE_TRY(sandbox::LoadSuite(options.eval.benchmark));
  auto archive = CLADE_TRY(OpenArchive(options.archive, archive::Mode::kWrite, "clade replay"));
  if (!archive::IsValidBenchmarkName(suite.name)) {
    return FailAs(ErrorKind::kUsage, "the suite name '{}' cannot name a notes ref", suite.name);
  }
  std::vector<VariantId> ids;
  for (const std::string& spec : options.variants)
    ids.push_back(CLADE_TRY(ResolveVariant(*archive, spec)));
  std::string run_benchmark = CLADE_TRY(archive->DefaultBenchmark()).value_or("");
  std::string suite_hash = CLADE_TRY(sandbox::SuiteHash(suite));

  fs::path work = WorkDirectory(options.eval.sandbox.work);
  sandbox::HarnessOptions harness =
      CLADE_TRY(HarnessFrom(options.eval.sandbox, work, {fs::absolute(archive->path())}));
  SlotClaim claim = CLADE_TRY(ClaimSlot(work));
  std::vector<Replayed> replays;
  for (VariantId id : ids) {
    Replayed replayed =
        CLADE_TRY(ReplayOne(*archive, id, suite, suite_hash, options, harness, claim.slot));
    if (!run_benchmark.empty() && run_benchmark != suite.name) {
      if (auto record = CLADE_TRY(archive->Record(id, run_benchmark)))
        replayed.run_score = ScoreOf(*record);
    }
    replays.push_back(std::move(replayed));
  }
  PrintReplays(replays, run_benchmark == suite.name ? "" : run_benchmark, suite.name, options.json);
  return {};
}

}  // namespace

Command RegisterReplayCommand(CLI::App& app) {
  auto options = std::make_shared<ReplayOptions>();
  CLI::App* command = app.add_subcommand(
      "replay", "Evaluate archived variants on another benchmark suite and keep the results");
  command
      ->add_option("VARIANT", options->variants, "Variants: ids, 'seed', 'best', commit prefixes")
      ->required();
  AddEvalOptions(*command, &options->eval);
  AddArchiveOption(*command, &options->archive);
  AddJsonOption(*command, &options->json);
  command->footer(
      "Builds each variant in the sandbox and scores it on the suite, as 'clade eval' does,\n"
      "and stores the record under that suite's notes ref (git notes --ref=clade/SUITE).\n"
      "The table shows each variant's score on the run's own benchmark beside the new one,\n"
      "and, for a suite with visible cases, how many tasks pass every visible case and fail\n"
      "a hidden one (a patch that fits what the agent was shown, not the bug).\n"
      "A variant whose source tree was already scored on the same suite content is not run\n"
      "again (\"kept\"), so replaying twice costs nothing the second time.\n\n"
      "Example:\n  clade replay best seed --benchmark benchmarks/repair-transfer");
  return {command, [options] { return RunReplay(*options); }};
}

}  // namespace clade::cli
