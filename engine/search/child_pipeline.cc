#include <algorithm>

#include <fmt/format.h>

#include "engine/mutation/token_hash.h"
#include "engine/search/budget.h"
#include "engine/search/evaluation_store.h"
#include "engine/search/search_loop.h"

namespace clade::search {

namespace fs = std::filesystem;
using archive::VariantId;

std::unique_ptr<Child> Search::NewChild(int64_t iteration, size_t index, PlannedChild plan) {
  auto child = std::make_unique<Child>();
  child->index = index;
  child->result.parent = plan.parent;
  child->result.seed = plan.seed;
  child->result.iteration = iteration + 1;
  child->result.mutator = std::string(c_.mutators.front()->name());
  if (!config_.models.empty() && config_.mutator != "gi") {
    child->result.model = config_.models.at(static_cast<size_t>(plan.model)).name;
  }
  if (config_.islands > 1 && iteration >= 0) child->result.island = plan.island;
  child->plan = std::move(plan);
  return child;
}

Result<> Search::StartChild(std::unique_ptr<Child> owned) {
  Child& child = *owned;
  AcquireSlot(child);
  child.start = Clock::now();
  in_flight_[&child] = std::move(owned);
  if (child.existing) {  // recorded before a crash without its record: evaluate again
    const archive::Variant& variant = archive_.variant(*child.existing);
    child.result.tree = variant.tree;
    child.result.mutator = variant.mutator;
    mutation::ChildProposal recovered;
    recovered.record = {{"mutator", variant.mutator}, {"recovered", true}};
    child.result.proposal = recovered;
    CLADE_TRY(archive_.SyncTo(*child.existing, child.dir / "source"));
    child.result.token_hash = mutation::TokenTreeHash(child.dir / "source").value_or("");
    if (config_.reject_duplicates) {
      child.result.duplicate_of = DuplicateOf(child.result, *child.existing);
      if (child.result.duplicate_of) return Complete(child);
    }
    return StartEvaluation(child);
  }
  mutation::MutationRequest request = CLADE_TRY(MakeRequest(child));
  pool_.Submit([this, &child, request = std::move(request)](int) {
    Result<mutation::ChildProposal>& proposal = child.result.proposal;
    proposal = c_.mutators.at(static_cast<size_t>(child.plan.model))->Propose(request);
    if (proposal && proposal->no_child.empty()) {
      if (auto applied = ApplyProposal(request.source, *proposal); !applied) {
        proposal = tl::unexpected(applied.error());
      } else {
        child.result.token_hash = mutation::TokenTreeHash(request.source).value_or("");
      }
    }
    pool_.Post([this, &child] { Keep(OnProposed(child)); });
  });
  return {};
}

Result<mutation::MutationRequest> Search::MakeRequest(Child& child) {
  mutation::MutationRequest request;
  request.parent = child.plan.parent;
  request.seed = child.plan.seed;
  request.source = child.dir / "source";
  request.scratch = child.dir / "scratch";
  CLADE_TRY(archive_.SyncTo(child.plan.parent, request.source));
  std::error_code error;
  if (!fs::is_empty(request.scratch, error)) fs::remove_all(request.scratch, error);
  fs::create_directories(request.scratch, error);
  for (size_t i = 0; i < child.plan.donors.size(); ++i) {
    fs::path path = child.dir / fmt::format("donor-{}", i);
    CLADE_TRY(archive_.SyncTo(child.plan.donors[i], path));
    request.donors.push_back({child.plan.donors[i], path});
    // Where the donor's line and the parent's parted: the crossover takes only what the
    // donor's line changed since.
    if (auto parted = archive_.CommonAncestor(child.plan.donors[i], child.plan.parent)) {
      request.donors.back().base = child.dir / fmt::format("donor-{}-base", i);
      CLADE_TRY(archive_.SyncTo(*parted, request.donors.back().base));
    }
  }
  if (auto record = CLADE_TRY(archive_.Record(child.plan.parent, benchmark_))) {
    request.parent_record = *record;
    request.parent_record.erase("validation");  // mutators never see the held-out tasks
    if (config_.mutator != "gi") CLADE_TRY(AddFailedTaskLogs(child.plan.parent, request));
  }
  if (config_.mutator != "gi" && config_.memory_lessons > 0) {
    // Only lessons of variants before this iteration (generational), so a resumed run's
    // prompts are the ones an uninterrupted run would have sent.
    VariantId bound = DuplicateBound();
    for (const mutation::Lesson& lesson : lessons_) {
      if (lesson.variant < bound) request.lessons.push_back(lesson);
    }
    request.max_lessons = config_.memory_lessons;
  }
  return request;
}

Result<> Search::AddFailedTaskLogs(VariantId parent, mutation::MutationRequest& request) {
  for (const auto& task : request.parent_record.value("tasks", nlohmann::json::array())) {
    if (task.value("status", "") == "solved") continue;
    std::string id = task.value("id", "");
    auto log = CLADE_TRY(archive_.Log(parent, fmt::format("eval/{}/{}.log", benchmark_, id)));
    if (log) request.task_logs[id] = *log;
  }
  return {};
}

Result<> Search::OnProposed(Child& child) {
  ChildResult& result = child.result;
  if (!result.proposal) {
    if (result.proposal.error().kind != ErrorKind::kNoChild) ++consecutive_errors_;
    return Complete(child);
  }
  result.tree = CLADE_TRY(archive_.WriteTreeFromDirectory(child.dir / "source"));
  if (!result.proposal->tampered.empty()) return Complete(child);  // recorded, not evaluated
  if (!result.proposal->no_child.empty()) return Complete(child);  // mutation_failed
  if (result.tree == archive_.variant(result.parent).tree && result.proposal->files.empty() &&
      result.proposal->deleted.empty()) {
    result.proposal = FailAs(ErrorKind::kNoChild, "the mutator changed nothing");
    return Complete(child);
  }
  if (config_.reject_duplicates) {
    result.duplicate_of = DuplicateOf(result, DuplicateBound());
    if (result.duplicate_of) return Complete(child);  // recorded, not evaluated
  }
  return StartEvaluation(child);
}

// The parent's score per task, for the parent gate (evaluation.gate: parent).
Result<std::map<std::string, double>> Search::ParentScores(VariantId parent) {
  std::map<std::string, double> scores;
  auto record = CLADE_TRY(archive_.Record(parent, benchmark_));
  if (!record) return scores;
  for (const auto& task : record->value("tasks", nlohmann::json::array())) {
    scores[task.value("id", "")] = task.value("score", 0.0);
  }
  return scores;
}

Result<> Search::StartEvaluation(Child& child) {
  EvalJob job{child.dir / "source", c_.suite, config_.stages, config_.max_tasks,
              config_.task_workers};
  ChildResult& result = child.result;
  job.repeats = config_.repeats;
  if (config_.parent_gate && !child.IsSeed()) {
    job.parent_scores = CLADE_TRY(ParentScores(result.parent));
  }
  result.key = EvaluationKey(result.tree, c_.suite_hash, config_.max_tasks.value_or(0),
                             config_.stages, job.parent_scores, config_.repeats);
  if (auto cached = CLADE_TRY(FindEvaluation(archive_, result.tree, benchmark_, result.key))) {
    result.cached = *cached;
    return Evaluated(child);
  }
  if (config_.mode == SearchMode::kTasks && !child.IsSeed()) job = TaskJob(child.dir / "source", 0);
  if (child.IsSeed()) {
    // The seed is evaluated alone: its tasks may use every worker. It is the baseline
    // every child is compared with, so it goes through every stage whatever it scores.
    job.task_workers = std::max(config_.task_workers, config_.workers);
    for (sandbox::Stage& stage : job.stages) stage.threshold = 0.0;
  }
  pool_.Submit([this, &child, job](int worker) {
    child.result.evaluation = c_.executor->Evaluate(job, worker);
    pool_.Post([this, &child] {
      CountCpu(*child.result.evaluation);
      if (!*child.result.evaluation)
        ++consecutive_errors_;
      else
        consecutive_errors_ = 0;
      Keep(Evaluated(child));
    });
  });
  return {};
}

// After the evaluation: the validation step when the run has one, then the end.
Result<> Search::Evaluated(Child& child) {
  if (c_.validation && BeatsParent(child)) return StartValidation(child);
  return Complete(child);
}

// Adds the CPU seconds of an evaluation's task runs to the run's (budget.cpu_time).
void Search::CountCpu(const Result<sandbox::Evaluation>& evaluation) {
  if (!evaluation) return;
  for (const sandbox::TaskResult& task : evaluation->tasks) state_.cpu_seconds += task.cpu_seconds;
}

// Keeps the first error of the continuations, for Wait to return.
void Search::Keep(Result<> result) {
  if (pending_ && !result) pending_ = std::move(result);
}

// Scratch directories are reused: syncing a parent into one rewrites only the files
// that differ, where a fresh export would create (and later delete) every file.
void Search::AcquireSlot(Child& child) {
  child.slot = TakeSlot();
  child.dir = SlotDir(child.slot);
}

int Search::TakeSlot() {
  if (free_slots_.empty()) free_slots_.push_back(next_slot_++);
  int slot = free_slots_.back();
  free_slots_.pop_back();
  return slot;
}

fs::path Search::SlotDir(int slot) const { return c_.scratch / fmt::format("slot-{}", slot); }

Result<> Search::Complete(Child& child) {
  child.done = true;
  if (child.slot >= 0) free_slots_.push_back(std::exchange(child.slot, -1));
  if (child.IsSeed()) {
    Result<> committed = CommitChild(child);
    in_flight_.erase(&child);
    return committed;
  }
  switch (config_.mode) {
    case SearchMode::kAsync:
      return CommitAsync(child);
    case SearchMode::kTasks:
      return CommitTaskChild(child);
    case SearchMode::kGenerational:
      break;
  }
  return FlushPlan();
}

// The variants a child may duplicate before it is evaluated: in generational mode those
// made before its iteration (so the outcome does not depend on which sibling finishes
// first; CommitChild checks the earlier siblings, in plan order), in async mode all.
VariantId Search::DuplicateBound() const {
  if (config_.mode == SearchMode::kGenerational && state_.plan) return state_.plan->first_id;
  return static_cast<VariantId>(archive_.size());
}

// The first variant below `bound` whose tree or token hash is the child's, among those
// whose outcome says something about the source (not an infrastructure failure, which a
// new evaluation may not repeat).
std::optional<VariantId> Search::DuplicateOf(const ChildResult& result, VariantId bound) {
  auto summaries = archive_.Summaries(benchmark_);
  if (!summaries) return std::nullopt;
  auto settled = [&](VariantId id) {
    std::optional<EvalStatus> status = (**summaries)[static_cast<size_t>(id)].status;
    return status && (WasScored(*status) || IsBuildFailure(*status) ||
                      *status == EvalStatus::kTampered || *status == EvalStatus::kDuplicate ||
                      *status == EvalStatus::kMutationFailed);
  };
  for (const archive::Variant& variant : archive_.variants()) {
    if (variant.id >= bound) break;
    if (variant.tree == result.tree && settled(variant.id)) return variant.id;
  }
  auto owner = token_owners_.find(result.token_hash);
  if (!result.token_hash.empty() && owner != token_owners_.end() && owner->second < bound &&
      settled(owner->second)) {
    return owner->second;
  }
  return std::nullopt;
}

Result<> Search::CommitChild(Child& child) {
  ChildResult& result = child.result;
  if (config_.reject_duplicates && !child.IsSeed() && result.proposal &&
      result.proposal->tampered.empty() && !result.duplicate_of) {
    // An earlier sibling of this iteration may have made the same source.
    result.duplicate_of =
        DuplicateOf(result, child.existing.value_or(static_cast<VariantId>(archive_.size())));
  }
  RecordedChild recorded = CLADE_TRY(RecordChild(
      archive_, child.result, {benchmark_, state_.name, config_.memory_lessons > 0},
      child.existing));
  if (recorded.lesson) Remember(std::move(*recorded.lesson));
  if (!result.token_hash.empty()) token_owners_.emplace(result.token_hash, recorded.id);
  auto summary = archive::SummaryOfRecord(recorded.record);
  islands_.Add(recorded.id, result.island.value_or(0), summary ? *summary : archive::RecordSummary{});
  CountChild(recorded.id, child.result.Status(), recorded.record);
  if (!child.IsSeed()) RewardModel(child.result.model, recorded.record);
  ReportChild(child, recorded.id, recorded.record);
  return {};
}

// Adds a lesson to the run memory, replacing one of the same variant (a child recorded
// again after a crash); lessons_ stays in id order.
void Search::Remember(mutation::Lesson lesson) {
  auto at = std::lower_bound(
      lessons_.begin(), lessons_.end(), lesson.variant,
      [](const mutation::Lesson& a, int variant) { return a.variant < variant; });
  if (at != lessons_.end() && at->variant == lesson.variant) {
    *at = std::move(lesson);
  } else {
    lessons_.insert(at, std::move(lesson));
  }
}

// Adds a recorded child to the run's counters: children, failures (every status but
// evaluated and below_threshold), and what it spent.
void Search::CountChild(VariantId id, EvalStatus status, const nlohmann::json& record) {
  CountSpending(record);
  if (id == 0) return;  // the seed is no child
  state_.children += 1;
  ++session_children_;
  if (!WasScored(status)) {
    state_.failures += 1;
    ++session_failures_;
  }
}

// The tokens and cost a record says were spent: its mutation's and the agent's own model
// calls (through its socket), both against the run's budget.
void Search::CountSpending(const nlohmann::json& record) {
  for (const char* key : {"mutation", "model"}) {
    const nlohmann::json spent = record.value(key, nlohmann::json::object());
    if (!spent.is_object()) continue;  // null: no model was used
    state_.tokens += spent.value("tokens", int64_t{0});
    state_.cost += spent.value("cost", 0.0);
  }
}

void Search::ReportChild(const Child& child, VariantId id, const nlohmann::json& record) {
  ChildEvent event;
  event.id = id;
  event.parent = archive_.variant(id).parents.empty() ? id : archive_.variant(id).parents[0];
  event.iteration = child.result.iteration - 1;
  event.status = child.result.Status();
  if (record.contains("score") && record["score"].is_number()) {
    event.score = record["score"].get<double>();
  }
  event.summary = archive_.variant(id).summary;
  event.seconds = std::chrono::duration<double>(Clock::now() - child.start).count();
  event.cached = child.result.cached.has_value();
  c_.progress->Child(event, ProgressNow());
}

// search.mode: tasks: the task evaluations left times the wall seconds one has taken so
// far this session, never past the wall-time budget; none without a task budget.
std::optional<double> Search::TasksSecondsLeft() const {
  int64_t done = state_.task_evaluations - session_start_task_evaluations_;
  if (!config_.budget.task_evaluations || done <= 0) return std::nullopt;
  double per_task = std::chrono::duration<double>(Clock::now() - children_start_).count() /
                    static_cast<double>(done);
  double left = static_cast<double>(std::max<int64_t>(
                    0, *config_.budget.task_evaluations - state_.task_evaluations)) *
                per_task;
  if (auto time_left = TimeLeft(config_.budget, Seconds())) left = std::min(left, *time_left);
  return left;
}

ProgressSnapshot Search::ProgressNow() {
  ProgressSnapshot snapshot;
  snapshot.iteration = state_.iterations;
  snapshot.in_flight = static_cast<int>(InFlight());
  snapshot.evaluated = state_.children - state_.failures;
  snapshot.failures = state_.failures;
  snapshot.archive_size = archive_.size();
  if (auto best = archive_.Best(benchmark_); best && *best) {
    snapshot.best = **best;
    snapshot.best_score = (**archive_.Summaries(benchmark_))[static_cast<size_t>(**best)].score;
  }
  snapshot.budget = BudgetUsage(config_.budget, state_, Seconds());
  std::optional<double> per_child;
  if (session_children_ > 0) {
    double children_seconds = std::chrono::duration<double>(Clock::now() - children_start_).count();
    per_child = children_seconds / static_cast<double>(session_children_);
  }
  snapshot.eta_seconds = EstimatedSecondsLeft(config_.budget, state_,
                                              config_.ChildrenPerIteration(), Seconds(), per_child);
  if (config_.mode == SearchMode::kTasks) snapshot.eta_seconds = TasksSecondsLeft();
  return snapshot;
}

}  // namespace clade::search
