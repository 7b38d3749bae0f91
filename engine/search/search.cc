#include "engine/search/search.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <memory>
#include <set>

#include <fmt/format.h>

#include "engine/search/budget.h"
#include "engine/search/evaluation_store.h"
#include "engine/search/worker_pool.h"
#include "engine/selection/candidate.h"
#include "engine/selection/policy.h"
#include "engine/selection/pruning.h"
#include "engine/selection/rng.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::search {

namespace {

namespace fs = std::filesystem;
using archive::VariantId;
using Clock = std::chrono::steady_clock;

// One child on its way through the loop.
struct Child {
  int64_t iteration = 0;
  size_t index = 0;  // in the iteration's plan (generational)
  PlannedChild plan;
  std::optional<VariantId> existing;  // added before a crash; only its record is missing
  int slot = -1;                      // the scratch slot (a directory reused from child to child)
  fs::path dir;
  Clock::time_point start;
  Result<mutation::ChildProposal> proposal = Fail("not proposed");
  std::string tree;
  std::string key;
  std::optional<Result<sandbox::Evaluation>> evaluation;
  std::optional<nlohmann::json> cached;
  bool done = false;
};

bool IsMutationFailure(const Error& error) {
  return error.kind == ErrorKind::kNoChild;
}

std::string FailureText(const Error& error) {
  return std::string(Trim(error.message));
}

// Writes the proposal's changes into the copy of the parent that becomes the child.
Result<> ApplyProposal(const fs::path& source, const mutation::ChildProposal& proposal) {
  for (const auto& [path, text] : proposal.files) {
    fs::path target = source / path;
    std::error_code error;
    fs::create_directories(target.parent_path(), error);
    CLADE_TRY(WriteFile(target, text));
  }
  for (const std::string& path : proposal.deleted) {
    std::error_code error;
    fs::remove(source / path, error);
  }
  return {};
}

class Search {
 public:
  explicit Search(const SearchContext& context)
      : c_(context),
        config_(*context.config),
        archive_(*context.archive),
        benchmark_(context.suite->name),
        pool_(std::max(1, config_.workers)),
        start_(Clock::now()) {}

  Result<SearchSummary> Run() {
    CLADE_TRY(LoadOrStartState());
    CLADE_TRY(EvaluateSeed());
    if (failed_.empty() && !Stopping()) {
      if (config_.mode == SearchMode::kGenerational) {
        CLADE_TRY(RunGenerations());
      } else {
        CLADE_TRY(RunAsync());
      }
    }
    return Finish();
  }

 private:
  // ---- state ------------------------------------------------------------------------
  Result<> LoadOrStartState() {
    policy_ = CLADE_TRY(selection::MakePolicy(config_.policy, config_.selection));
    pruning_ = CLADE_TRY(selection::MakePruning(config_.pruning, config_.pruning_options));
    if (auto json = CLADE_TRY(archive_.State()); json && json->contains("rng")) {
      state_ = CLADE_TRY(RunState::FromJson(*json));
      rng_ = CLADE_TRY(selection::LoadRng(state_.rng));
      c_.progress->Note(fmt::format(
          "resuming run '{}': {} iterations, {} children so far ({} before)", state_.name,
          state_.iterations, state_.children, FormatSeconds(state_.seconds)));
    } else {
      state_.name = config_.name;
      rng_.seed(config_.seed);
      c_.progress->Note(fmt::format("new run '{}' in {}", config_.name, archive_.path().string()));
    }
    state_.benchmark = benchmark_;
    state_.fingerprint = config_.Fingerprint();
    state_.status = "running";
    state_.reason.clear();
    state_.sessions += 1;
    base_seconds_ = state_.seconds;
    return SaveState();
  }

  double Seconds() const {
    return base_seconds_ + std::chrono::duration<double>(Clock::now() - start_).count();
  }

  Result<> SaveState() {
    state_.rng = selection::SaveRng(rng_);
    state_.seconds = Seconds();
    RunState saved = state_;
    return archive_.SetState(saved.ToJson(), {{"config.yaml", config_.text}});
  }

  bool Stopping() const { return c_.stop->load() != kRun; }
  bool Abandoning() const { return c_.stop->load() == kAbandon; }

  // ---- the seed ---------------------------------------------------------------------
  Result<> EvaluateSeed() {
    if (CLADE_TRY(archive_.Record(0, benchmark_))) return {};
    c_.progress->Note("evaluating the seed (variant 0) ...");
    auto child = std::make_unique<Child>();
    child->existing = 0;
    child->iteration = -1;
    AcquireSlot(*child);
    child->start = Clock::now();
    child->tree = archive_.variant(0).tree;
    mutation::ChildProposal seed;
    seed.record = {{"mutator", "seed"}};
    child->proposal = seed;
    CLADE_TRY(archive_.SyncTo(0, child->dir / "source"));
    Child* raw = child.get();
    in_flight_[raw] = std::move(child);
    CLADE_TRY(StartEvaluation(*raw));
    while (!in_flight_.empty() && !Abandoning()) CLADE_TRY(Wait());
    if (Abandoning()) return {};
    auto record = CLADE_TRY(archive_.Record(0, benchmark_));
    if (!record || record->value("status", "") != "evaluated") {
      std::string status = record ? record->value("status", "unknown") : "unknown";
      failed_ = fmt::format(
          "the seed agent (variant 0) did not evaluate: {}; see 'clade show 0' and its "
          "build log (git show refs/clade/logs/0:build.log)",
          status);
    }
    return {};
  }

  // ---- candidates and selection -----------------------------------------------------
  Result<std::vector<selection::Candidate>> Pool() {
    const std::vector<archive::Outcome>& outcomes = *CLADE_TRY(archive_.Outcomes(benchmark_));
    std::vector<selection::Candidate> pool;
    pool.reserve(archive_.size());
    for (const archive::Variant& variant : archive_.variants()) {
      selection::Candidate candidate;
      candidate.id = variant.id;
      candidate.parents = variant.parents;
      const archive::Outcome& outcome = outcomes[static_cast<size_t>(variant.id)];
      candidate.status = outcome.status;
      candidate.score = outcome.score;
      candidate.pruned = variant.pruned;
      candidate.order = variant.id;
      pool.push_back(std::move(candidate));
    }
    for (const selection::Candidate& candidate : pool) {
      if (!selection::WasScored(candidate.status)) continue;
      for (VariantId parent :
           std::set<VariantId>(candidate.parents.begin(), candidate.parents.end())) {
        pool[static_cast<size_t>(parent)].children_built += 1;
      }
    }
    return pool;
  }

  // Parents, seeds and donors for `count` children, drawn from the RNG in a fixed order.
  Result<std::vector<PlannedChild>> Draw(size_t count) {
    std::vector<selection::Candidate> pool = CLADE_TRY(Pool());
    std::vector<int> parents = CLADE_TRY(policy_->Select(pool, count, rng_));
    std::vector<const selection::Candidate*> eligible = selection::EligibleCandidates(pool);
    std::vector<PlannedChild> planned;
    for (int parent : parents) {
      PlannedChild child{parent, rng_(), {}};
      if (config_.mutator == "gi" && config_.gi.crossover_rate > 0 && eligible.size() > 1) {
        size_t k = selection::UniformIndex(rng_, eligible.size());
        if (eligible[k]->id == parent) k = (k + 1) % eligible.size();
        child.donors.push_back(eligible[k]->id);
      }
      planned.push_back(std::move(child));
    }
    return planned;
  }

  // ---- one child ----------------------------------------------------------------------
  Result<> StartChild(std::unique_ptr<Child> owned) {
    Child& child = *owned;
    AcquireSlot(child);
    child.start = Clock::now();
    in_flight_[&child] = std::move(owned);
    if (child.existing) {  // recorded before a crash without its record: evaluate again
      const archive::Variant& variant = archive_.variant(*child.existing);
      child.tree = variant.tree;
      mutation::ChildProposal recovered;
      recovered.record = {{"mutator", variant.mutator}, {"recovered", true}};
      child.proposal = recovered;
      CLADE_TRY(archive_.SyncTo(*child.existing, child.dir / "source"));
      return StartEvaluation(child);
    }
    mutation::MutationRequest request = CLADE_TRY(MakeRequest(child));
    pool_.Submit([this, &child, request = std::move(request)](int) {
      child.proposal = c_.mutator->Propose(request);
      if (child.proposal) {
        if (auto applied = ApplyProposal(request.source, *child.proposal); !applied) {
          child.proposal = tl::unexpected(applied.error());
        }
      }
      pool_.Post([this, &child] { Keep(OnProposed(child)); });
    });
    return {};
  }

  Result<mutation::MutationRequest> MakeRequest(Child& child) {
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
    }
    if (auto record = CLADE_TRY(archive_.Record(child.plan.parent, benchmark_))) {
      request.parent_record = *record;
      if (config_.mutator != "gi") CLADE_TRY(AddFailedTaskLogs(child.plan.parent, request));
    }
    return request;
  }

  Result<> AddFailedTaskLogs(VariantId parent, mutation::MutationRequest& request) {
    for (const auto& task : request.parent_record.value("tasks", nlohmann::json::array())) {
      if (task.value("status", "") == "solved") continue;
      std::string id = task.value("id", "");
      auto log = CLADE_TRY(archive_.Log(parent, fmt::format("eval/{}/{}.log", benchmark_, id)));
      if (log) request.task_logs[id] = *log;
    }
    return {};
  }

  Result<> OnProposed(Child& child) {
    if (!child.proposal) {
      if (!IsMutationFailure(child.proposal.error())) ++consecutive_errors_;
      return Complete(child);
    }
    child.tree = CLADE_TRY(archive_.WriteTreeFromDirectory(child.dir / "source"));
    if (!child.proposal->tampered.empty()) return Complete(child);  // recorded, not evaluated
    if (child.tree == archive_.variant(child.plan.parent).tree && child.proposal->files.empty() &&
        child.proposal->deleted.empty()) {
      child.proposal = FailAs(ErrorKind::kNoChild, "the mutator changed nothing");
      return Complete(child);
    }
    return StartEvaluation(child);
  }

  // The parent's score per task, for the parent gate (evaluation.gate: parent).
  Result<std::map<std::string, double>> ParentScores(VariantId parent) {
    std::map<std::string, double> scores;
    auto record = CLADE_TRY(archive_.Record(parent, benchmark_));
    if (!record) return scores;
    for (const auto& task : record->value("tasks", nlohmann::json::array())) {
      scores[task.value("id", "")] = task.value("score", 0.0);
    }
    return scores;
  }

  Result<> StartEvaluation(Child& child) {
    EvalJob job{child.dir / "source", c_.suite, config_.stages, config_.max_tasks,
                config_.task_workers};
    if (config_.parent_gate && child.iteration >= 0) {
      job.parent_scores = CLADE_TRY(ParentScores(child.plan.parent));
    }
    child.key = EvaluationKey(child.tree, c_.suite_hash, config_.max_tasks.value_or(0),
                              config_.stages, job.parent_scores);
    if (auto cached = CLADE_TRY(FindEvaluation(archive_, child.tree, benchmark_, child.key))) {
      child.cached = *cached;
      return Complete(child);
    }
    if (child.iteration < 0) {
      // The seed is evaluated alone: its tasks may use every worker. It is the baseline
      // every child is compared with, so it goes through every stage whatever it scores.
      job.task_workers = std::max(config_.task_workers, config_.workers);
      for (sandbox::Stage& stage : job.stages) stage.threshold = 0.0;
    }
    pool_.Submit([this, &child, job](int worker) {
      child.evaluation = c_.executor->Evaluate(job, worker);
      pool_.Post([this, &child] {
        if (!*child.evaluation)
          ++consecutive_errors_;
        else
          consecutive_errors_ = 0;
        Keep(Complete(child));
      });
    });
    return {};
  }

  // Keeps the first error of the continuations, for Wait to return.
  void Keep(Result<> result) {
    if (pending_ && !result) pending_ = std::move(result);
  }

  // Scratch directories are reused: syncing a parent into one rewrites only the files
  // that differ, where a fresh export would create (and later delete) every file.
  void AcquireSlot(Child& child) {
    if (free_slots_.empty()) free_slots_.push_back(next_slot_++);
    child.slot = free_slots_.back();
    free_slots_.pop_back();
    child.dir = c_.scratch / fmt::format("slot-{}", child.slot);
  }

  Result<> Complete(Child& child) {
    child.done = true;
    if (child.slot >= 0) free_slots_.push_back(std::exchange(child.slot, -1));
    if (child.iteration < 0) {  // the seed
      Result<> committed = CommitChild(child);
      in_flight_.erase(&child);
      return committed;
    }
    return config_.mode == SearchMode::kAsync ? CommitAsync(child) : FlushPlan();
  }

  // ---- recording ----------------------------------------------------------------------
  archive::NewVariant VariantOf(const Child& child) const {
    archive::NewVariant spec;
    const archive::Variant& parent = archive_.variant(child.plan.parent);
    spec.parents = {child.plan.parent};
    if (!child.proposal) {
      spec.tree = parent.tree;
      spec.summary = FirstLine(
          fmt::format("{}: no child: {}", c_.mutator->name(), FailureText(child.proposal.error())));
      spec.trailers = {{"Clade-Mutator", std::string(c_.mutator->name())},
                       {"Clade-Seed", std::to_string(child.plan.seed)}};
    } else {
      spec.tree = child.tree;
      spec.summary = child.proposal->summary.empty() ? std::string(c_.mutator->name())
                                                     : child.proposal->summary;
      spec.details = child.proposal->details;
      spec.trailers = child.proposal->trailers;
      // A crossover child has its donors as further parents (docs/selection.md).
      for (VariantId id : child.proposal->other_parents) {
        bool known = id >= 0 && static_cast<size_t>(id) < archive_.size();
        if (known &&
            std::find(spec.parents.begin(), spec.parents.end(), id) == spec.parents.end()) {
          spec.parents.push_back(id);
        }
      }
    }
    spec.trailers.emplace_back("Clade-Iteration", std::to_string(child.iteration + 1));
    return spec;
  }

  nlohmann::json RecordOf(const Child& child, const archive::Variant& variant) const {
    nlohmann::json record;
    if (!child.proposal) {
      bool mutation = IsMutationFailure(child.proposal.error());
      record = {{"status", mutation ? "mutation_failed" : "error"},
                {"score", nullptr},
                {"benchmark", benchmark_},
                {"tasks", nlohmann::json::array()},
                {"error", FailureText(child.proposal.error())},
                {"variant", variant.id},
                {"parents", variant.parents},
                {"tree", variant.tree}};
      record["mutation"] = {{"mutator", c_.mutator->name()},
                            {"seed", std::to_string(child.plan.seed)}};
    } else if (!child.proposal->tampered.empty()) {
      // The mutator's run changed what it must not: score 0, never evaluated, never cached.
      record = {{"status", "tampered"},
                {"score", 0.0},
                {"benchmark", benchmark_},
                {"tasks", nlohmann::json::array()},
                {"tampered", sandbox::TamperJson(child.proposal->tampered)},
                {"variant", variant.id},
                {"parents", variant.parents},
                {"tree", variant.tree}};
      record["mutation"] = child.proposal->record;
    } else if (child.cached) {
      record = *child.cached;
      record["variant"] = variant.id;
      record["parents"] = variant.parents;
      record["cached_from"] = child.cached->value("variant", -1);
      record["mutation"] = child.proposal->record;
    } else if (!*child.evaluation) {
      record = {{"status", "error"},
                {"score", nullptr},
                {"benchmark", benchmark_},
                {"tasks", nlohmann::json::array()},
                {"error", child.evaluation->error().message},
                {"variant", variant.id},
                {"parents", variant.parents},
                {"tree", variant.tree}};
      record["mutation"] = child.proposal->record;
    } else {
      record = MakeRecord(variant, **child.evaluation, child.key);
      record["mutation"] = child.proposal->record;
    }
    if (child.proposal && (child.proposal->tokens > 0 || child.proposal->cost > 0)) {
      record["mutation"]["tokens"] = child.proposal->tokens;
      record["mutation"]["cost"] = child.proposal->cost;
    }
    record["iteration"] = child.iteration + 1;  // 0 for the seed
    record["run"] = state_.name;
    return record;
  }

  Result<> CommitChild(Child& child) {
    VariantId id =
        child.existing ? *child.existing : CLADE_TRY(archive_.AddVariant(VariantOf(child))).id;
    const archive::Variant& variant = archive_.variant(id);
    nlohmann::json record = RecordOf(child, variant);
    CLADE_TRY(archive_.SetRecord(id, benchmark_, record));
    std::map<std::string, std::string> logs;
    if (child.proposal) {
      for (const auto& [name, text] : child.proposal->logs) logs["mutation/" + name] = text;
      state_.tokens += child.proposal->tokens;
      state_.cost += child.proposal->cost;
    } else {
      logs["mutation/error.txt"] = child.proposal.error().message;
    }
    if (child.evaluation && *child.evaluation) {
      CLADE_TRY(StoreEvaluationLogs(archive_, id, **child.evaluation, logs));
    } else {
      CLADE_TRY(archive_.AddLogs(id, logs));
    }
    // The agent's own model calls (through its socket) count against the run's budget.
    const nlohmann::json& model = record.value("model", nlohmann::json::object());
    state_.tokens += model.value("tokens", int64_t{0});
    state_.cost += model.value("cost", 0.0);
    std::string status = record.value("status", "");
    if (id != 0) {
      state_.children += 1;
      ++session_children_;
      if (!selection::WasScored(status)) {
        state_.failures += 1;
        ++session_failures_;
      }
    }
    ReportChild(child, id, record);
    return {};
  }

  void ReportChild(const Child& child, VariantId id, const nlohmann::json& record) {
    ChildEvent event;
    event.id = id;
    event.parent = archive_.variant(id).parents.empty() ? id : archive_.variant(id).parents[0];
    event.iteration = child.iteration;
    event.status = record.value("status", "");
    if (record.contains("score") && record["score"].is_number()) {
      event.score = record["score"].get<double>();
    }
    event.summary = archive_.variant(id).summary;
    event.seconds = std::chrono::duration<double>(Clock::now() - child.start).count();
    event.cached = child.cached.has_value();
    c_.progress->Child(event, Snapshot());
  }

  ProgressSnapshot Snapshot() {
    ProgressSnapshot snapshot;
    snapshot.iteration = state_.iterations;
    snapshot.in_flight = static_cast<int>(in_flight_.size());
    snapshot.evaluated = state_.children - state_.failures;
    snapshot.failures = state_.failures;
    snapshot.archive_size = archive_.size();
    if (auto best = archive_.Best(benchmark_); best && *best) {
      snapshot.best = **best;
      snapshot.best_score = (**archive_.Outcomes(benchmark_))[static_cast<size_t>(**best)].score;
    }
    snapshot.budget = BudgetUsage(config_.budget, state_, Seconds());
    return snapshot;
  }

  // ---- waiting ------------------------------------------------------------------------
  // Runs completions for up to a quarter second; an error from one stops the run.
  Result<> Wait() {
    pool_.RunCompletions(std::chrono::milliseconds(250));
    Result<> result = pending_;
    pending_ = {};
    c_.progress->Status(Snapshot());
    return result;
  }

  std::optional<std::string> BudgetSpent() const {
    return SpentBudget(config_.budget, state_, Seconds());
  }

  bool TooManyErrors() {
    if (consecutive_errors_ < config_.max_consecutive_errors) return false;
    if (failed_.empty()) {
      failed_ = fmt::format(
          "{} infrastructure failures in a row (the last is in the record of "
          "the newest child: clade show {})",
          consecutive_errors_, archive_.size() - 1);
    }
    return true;
  }

  // One child more than workers: it waits in the pool's queue, so a worker that finishes
  // starts on it at once instead of waiting for this thread to record the finished one.
  int MaxInFlight() const { return std::max(1, config_.workers) + 1; }

  // ---- generational -----------------------------------------------------------------
  Result<> RunGenerations() {
    while (!Stopping() && !TooManyErrors()) {
      if (!state_.plan) {
        if (auto spent = BudgetSpent()) {
          reason_ = *spent;
          return {};
        }
        CLADE_TRY(PlanIteration());
        if (!state_.plan) return {};
      }
      CLADE_TRY(RunPlan());
      if (state_.plan) return {};  // stopped inside the iteration
    }
    return {};
  }

  Result<> PlanIteration() {
    int64_t count = config_.ChildrenPerIteration();
    if (config_.budget.variants)
      count = std::min(count, *config_.budget.variants - state_.children);
    if (count <= 0) return {};
    IterationPlan plan;
    plan.iteration = state_.iterations;
    plan.first_id = static_cast<VariantId>(archive_.size());
    plan.children_before = state_.children;
    plan.failures_before = state_.failures;
    plan.tokens_before = state_.tokens;
    plan.cost_before = state_.cost;
    plan.children = CLADE_TRY(Draw(static_cast<size_t>(count)));
    state_.plan = std::move(plan);
    return SaveState();
  }

  Result<> RunPlan() {
    const IterationPlan& plan = *state_.plan;
    size_t total = plan.children.size();
    size_t recorded = static_cast<size_t>(std::clamp<int64_t>(
        static_cast<int64_t>(archive_.size()) - plan.first_id, 0, static_cast<int64_t>(total)));
    committed_ = recorded;
    planned_.assign(total, nullptr);
    size_t next = recorded;
    if (recorded > 0) {  // a crash may have come between a child's commit and its record
      VariantId last = plan.first_id + static_cast<VariantId>(recorded) - 1;
      if (!CLADE_TRY(archive_.Record(last, benchmark_))) committed_ = next = recorded - 1;
    }
    CLADE_TRY(RecountPlan(committed_));
    while (committed_ < total) {
      while (next < total && static_cast<int>(in_flight_.size()) < MaxInFlight() && !Stopping() &&
             !TooManyErrors() && !BudgetSpent()) {
        auto child = std::make_unique<Child>();
        child->iteration = plan.iteration;
        child->index = next;
        child->plan = plan.children[next];
        if (plan.first_id + static_cast<VariantId>(next) <
            static_cast<VariantId>(archive_.size())) {
          child->existing = plan.first_id + static_cast<VariantId>(next);
        }
        planned_[next] = child.get();
        ++next;
        CLADE_TRY(StartChild(std::move(child)));
      }
      if (in_flight_.empty()) break;  // stopped before the plan was done
      if (Abandoning()) return {};
      CLADE_TRY(Wait());
    }
    if (committed_ < total) {
      if (auto spent = BudgetSpent(); spent && reason_.empty()) reason_ = *spent;
      return SaveState();
    }
    std::vector<int> new_ids;
    for (size_t i = 0; i < total; ++i) new_ids.push_back(plan.first_id + static_cast<int>(i));
    CLADE_TRY(Prune(new_ids));
    state_.iterations += 1;
    state_.plan.reset();
    return SaveState();
  }

  // The counters after the first `recorded` children of the plan, from the archive: a
  // crash between a child's record and the state's update must not lose or double it.
  Result<> RecountPlan(size_t recorded) {
    const IterationPlan& plan = *state_.plan;
    state_.children = plan.children_before + static_cast<int64_t>(recorded);
    state_.failures = plan.failures_before;
    state_.tokens = plan.tokens_before;
    state_.cost = plan.cost_before;
    const auto& outcomes = *CLADE_TRY(archive_.Outcomes(benchmark_));
    for (size_t i = 0; i < recorded; ++i) {
      VariantId id = plan.first_id + static_cast<VariantId>(i);
      if (outcomes[static_cast<size_t>(id)].status != selection::kEvaluated) state_.failures += 1;
      if (auto record = CLADE_TRY(archive_.Record(id, benchmark_))) {
        const nlohmann::json& mutation = record->value("mutation", nlohmann::json::object());
        state_.tokens += mutation.value("tokens", int64_t{0});
        state_.cost += mutation.value("cost", 0.0);
        const nlohmann::json& model = record->value("model", nlohmann::json::object());
        state_.tokens += model.value("tokens", int64_t{0});
        state_.cost += model.value("cost", 0.0);
      }
    }
    return {};
  }

  // Records the finished children of the plan in plan order.
  Result<> FlushPlan() {
    while (committed_ < planned_.size() && planned_[committed_] && planned_[committed_]->done) {
      Child* child = planned_[committed_];
      CLADE_TRY(CommitChild(*child));
      planned_[committed_] = nullptr;
      in_flight_.erase(child);
      ++committed_;
      // No state save here: the plan and the archive say which children are done
      // (RecountPlan), and each write costs new files.
    }
    return {};
  }

  Result<> Prune(const std::vector<int>& new_ids) {
    std::vector<selection::Candidate> pool = CLADE_TRY(Pool());
    for (int id : pruning_->Prune(pool, new_ids)) CLADE_TRY(archive_.Prune(id));
    return {};
  }

  // ---- async --------------------------------------------------------------------------
  Result<> RunAsync() {
    int64_t per_iteration = config_.ChildrenPerIteration();
    int64_t index = state_.children;
    while (true) {
      while (static_cast<int>(in_flight_.size()) < MaxInFlight() && !Stopping() &&
             !TooManyErrors() && !AsyncBudgetSpent(per_iteration)) {
        std::vector<PlannedChild> drawn = CLADE_TRY(Draw(1));
        auto child = std::make_unique<Child>();
        child->iteration = index / per_iteration;
        child->index = static_cast<size_t>(index++);
        child->plan = drawn.at(0);
        CLADE_TRY(StartChild(std::move(child)));
      }
      if (in_flight_.empty() || Abandoning()) break;
      CLADE_TRY(Wait());
    }
    if (auto spent = BudgetSpent(); spent && reason_.empty()) reason_ = *spent;
    return {};
  }

  bool AsyncBudgetSpent(int64_t per_iteration) {
    int64_t started = state_.children + static_cast<int64_t>(in_flight_.size());
    if (config_.budget.variants && started >= *config_.budget.variants) return true;
    if (config_.budget.iterations && started >= *config_.budget.iterations * per_iteration) {
      return true;
    }
    if (!in_flight_.empty())
      return SpentBudget({.wall_seconds = config_.budget.wall_seconds,
                          .tokens = config_.budget.tokens,
                          .money = config_.budget.money},
                         state_, Seconds())
          .has_value();
    return BudgetSpent().has_value();
  }

  Result<> CommitAsync(Child& child) {
    CLADE_TRY(CommitChild(child));
    VariantId id = static_cast<VariantId>(archive_.size()) - 1;
    in_flight_.erase(&child);
    CLADE_TRY(Prune({id}));
    int64_t per_iteration = config_.ChildrenPerIteration();
    state_.iterations = state_.children / per_iteration;
    return SaveState();
  }

  // ---- the end ------------------------------------------------------------------------
  Result<SearchSummary> Finish() {
    SearchSummary summary;
    if (Abandoning()) {
      summary.outcome = "abandoned";
      summary.reason =
          fmt::format("stopped at once; {} children in flight were abandoned", in_flight_.size());
    } else if (!failed_.empty()) {
      summary.outcome = "failed";
      summary.reason = failed_;
    } else if (Stopping()) {
      summary.outcome = "stopped";
      summary.reason = "stopped by a signal";
    } else {
      summary.outcome = "finished";
      summary.reason = reason_.empty() ? BudgetSpent().value_or("nothing left to do") : reason_;
    }
    state_.status = summary.outcome;
    state_.reason = summary.reason;
    if (!Abandoning()) CLADE_TRY(SaveState());
    c_.progress->Done();
    summary.children = session_children_;
    summary.failures = session_failures_;
    summary.state = state_;
    const auto& outcomes = *CLADE_TRY(archive_.Outcomes(benchmark_));
    if (!outcomes.empty()) summary.seed_score = outcomes[0].score;
    summary.best = CLADE_TRY(archive_.Best(benchmark_));
    if (summary.best) summary.best_score = outcomes[static_cast<size_t>(*summary.best)].score;
    double wall = std::chrono::duration<double>(Clock::now() - start_).count();
    if (wall > 0) summary.worker_busy_fraction = pool_.BusySeconds() / (wall * pool_.workers());
    return summary;
  }

  const SearchContext& c_;
  const RunConfig& config_;
  archive::Archive& archive_;
  std::string benchmark_;
  RunState state_;
  selection::Rng rng_;
  std::unique_ptr<selection::SelectionPolicy> policy_;
  std::unique_ptr<selection::PruningRule> pruning_;
  std::map<Child*, std::unique_ptr<Child>> in_flight_;
  std::vector<Child*> planned_;
  std::vector<int> free_slots_;
  int next_slot_ = 0;
  size_t committed_ = 0;
  Result<> pending_;
  int consecutive_errors_ = 0;
  int64_t session_children_ = 0;
  int64_t session_failures_ = 0;
  std::string reason_;
  std::string failed_;
  double base_seconds_ = 0;
  WorkerPool pool_;  // last: its threads stop before the members they use go away
  Clock::time_point start_;
};

}  // namespace

Result<SearchSummary> RunSearch(const SearchContext& context) {
  auto search = std::make_unique<Search>(context);
  Result<SearchSummary> summary = search->Run();
  if (summary && summary->outcome == "abandoned") {
    // Its workers are still inside builds and agent runs, and joining them would wait for
    // those; the caller exits the process at once, which ends them (PR_SET_PDEATHSIG).
    (void)search.release();
  }
  return summary;
}

}  // namespace clade::search
