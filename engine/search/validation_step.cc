// The validation step of the search loop (search_loop.h, validation.h).
#include <algorithm>

#include <fmt/format.h>

#include "engine/search/evaluation_store.h"
#include "engine/search/search_loop.h"

namespace clade::search {

namespace fs = std::filesystem;
using archive::VariantId;

namespace {

std::optional<double> ScoreOf(const ChildResult& result) {
  if (result.cached) {
    auto summary = archive::SummaryOfRecord(*result.cached);
    return summary ? summary->score : std::nullopt;
  }
  if (result.evaluation && *result.evaluation) return (*result.evaluation)->score;
  return std::nullopt;
}

// Why a validation record cannot be compared, or nullopt when it can.
std::optional<std::string> Unusable(const nlohmann::json& record, std::string_view whose) {
  auto summary = archive::SummaryOfRecord(record);
  if (summary && summary->status == EvalStatus::kEvaluated) return std::nullopt;
  return fmt::format("the {}'s evaluation on the validation tasks ended {}", whose,
                     summary ? archive::StatusText(*summary) : summary.error().message);
}

}  // namespace

// The seed always; a child only when it was fully evaluated and scores above its parent.
bool Search::BeatsParent(const Child& child) {
  if (child.result.Status() != EvalStatus::kEvaluated) return false;
  if (child.IsSeed()) return true;
  std::optional<double> score = ScoreOf(child.result);
  auto summaries = archive_.Summaries(benchmark_);
  if (!score || !summaries) return false;
  const archive::RecordSummary& parent = (**summaries)[static_cast<size_t>(child.result.parent)];
  return parent.status == EvalStatus::kEvaluated && parent.score &&
         *score > *parent.score + selection::kTieTolerance;
}

Result<> Search::StartValidation(Child& child) {
  const ValidationSetup& setup = *c_.validation;
  ValidationStep& step = child.validating.emplace();
  step.child_key = EvaluationKey(child.result.tree, setup.suite_hash, 0, {}, {}, config_.repeats);
  step.child_record =
      CLADE_TRY(FindEvaluation(archive_, child.result.tree, setup.benchmark, step.child_key));
  std::optional<fs::path> parent_source;
  if (!child.IsSeed()) {
    const std::string& tree = archive_.variant(child.result.parent).tree;
    step.parent_key = EvaluationKey(tree, setup.suite_hash, 0, {}, {}, config_.repeats);
    step.parent_record = CLADE_TRY(FindEvaluation(archive_, tree, setup.benchmark, step.parent_key));
    if (!step.parent_record) {
      parent_source = child.dir / "validation-parent";
      CLADE_TRY(archive_.SyncTo(child.result.parent, *parent_source));
    }
  }
  if (step.child_record && !parent_source) return Validated(child);
  c_.progress->Note(fmt::format("validating {} on {} held-out tasks ...",
                                child.IsSeed() ? "the seed" : "a child that beat its parent",
                                setup.suite->tasks.size()));
  int workers = child.IsSeed() ? std::max(config_.task_workers, config_.workers)
                               : config_.task_workers;
  EvalJob job{child.dir / "source", setup.suite, {}, std::nullopt, workers};
  job.repeats = config_.repeats;
  bool run_child = !step.child_record;
  pool_.Submit([this, &child, job, run_child, parent_source](int worker) mutable {
    ValidationStep& running = *child.validating;
    if (run_child) running.child_evaluation = c_.executor->Evaluate(job, worker);
    if (parent_source) {
      job.source = *parent_source;
      running.parent_evaluation = c_.executor->Evaluate(job, worker);
    }
    pool_.Post([this, &child] {
      ValidationStep& done = *child.validating;
      if (done.child_evaluation) CountCpu(*done.child_evaluation);
      if (done.parent_evaluation) CountCpu(*done.parent_evaluation);
      Keep(Validated(child));
    });
  });
  return {};
}

// Records the parent's new validation evaluation on the parent (kept whatever the child's
// verdict, so the next child of this parent finds it).
Result<> Search::RecordParentValidation(const Child& child, const sandbox::Evaluation& evaluation) {
  const archive::Variant& parent = archive_.variant(child.result.parent);
  nlohmann::json record = MakeRecord(parent, evaluation, child.validating->parent_key);
  CLADE_TRY(archive_.AddLogs(parent.id, TaskLogs(evaluation)));
  CLADE_TRY(archive_.SetRecord(parent.id, c_.validation->benchmark, record));
  return {};
}

Result<> Search::Validated(Child& child) {
  const ValidationSetup& setup = *c_.validation;
  ValidationStep& step = *child.validating;
  ChildValidation& out = child.result.validation.emplace();
  out.key = step.child_key;
  auto fail = [&](std::string why) {
    out.verdict = FailedValidation(setup, std::move(why));
    return Complete(child);
  };
  if (step.parent_evaluation) {
    if (!*step.parent_evaluation) return fail(step.parent_evaluation->error().message);
    CLADE_TRY(RecordParentValidation(child, **step.parent_evaluation));
    step.parent_record = (*step.parent_evaluation)->ToRecord();
  }
  if (step.child_evaluation) {
    if (!*step.child_evaluation) return fail(step.child_evaluation->error().message);
    out.evaluation = **step.child_evaluation;
    step.child_record = out.evaluation->ToRecord();
  }
  if (auto why = Unusable(*step.child_record, child.IsSeed() ? "seed" : "child")) {
    return fail(*why);
  }
  std::optional<VariantId> parent;
  if (!child.IsSeed()) {
    if (auto why = Unusable(*step.parent_record, "parent")) return fail(*why);
    parent = child.result.parent;
  }
  out.verdict = Validate(*step.child_record, parent ? &*step.parent_record : nullptr, parent, setup);
  return Complete(child);
}

}  // namespace clade::search
