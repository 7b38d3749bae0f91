#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "engine/mutation/token_hash.h"
#include "engine/search/budget.h"
#include "engine/search/run_memory.h"
#include "engine/search/search_loop.h"
#include "support/strings.h"

namespace clade::search {

namespace fs = std::filesystem;
using archive::VariantId;

Search::Search(const SearchContext& context)
    : c_(context),
      config_(*context.config),
      archive_(*context.archive),
      benchmark_(context.suite->name),
      islands_(config_.islands, config_.migration_interval),
      pool_(std::max(1, config_.workers)),
      start_(Clock::now()) {}

Result<SearchSummary> Search::Run() {
  CLADE_TRY(LoadOrStartState());
  CLADE_TRY(EvaluateSeed());
  children_start_ = Clock::now();
  if (failed_.empty() && !Stopping()) {
    switch (config_.mode) {
      case SearchMode::kGenerational:
        CLADE_TRY(RunGenerations());
        break;
      case SearchMode::kAsync:
        CLADE_TRY(RunAsync());
        break;
      case SearchMode::kTasks:
        CLADE_TRY(RunTasks());
        break;
    }
  }
  return Finish();
}

Result<> Search::LoadOrStartState() {
  policy_ = CLADE_TRY(selection::MakePolicy(config_.policy, config_.selection));
  pruning_ = CLADE_TRY(selection::MakePruning(config_.pruning, config_.pruning_options));
  if (auto json = CLADE_TRY(archive_.State()); json && json->contains("rng")) {
    state_ = CLADE_TRY(RunState::FromJson(*json));
    rng_ = CLADE_TRY(selection::LoadRng(state_.rng));
    c_.progress->Note(
        fmt::format("resuming run '{}': {} iterations, {} children so far ({} before)", state_.name,
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
  if (config_.mutator != "gi" && !config_.models.empty()) {
    bandit_.emplace(config_.model_selection, config_.models.size());
  }
  CLADE_TRY(LoadRecordIndex());
  if (config_.memory_lessons > 0) lessons_ = CLADE_TRY(LoadLessons(archive_));
  return SaveState();
}

// The index in config_.models of the model that makes the run's child number `child`.
int Search::NextModel(int64_t child) {
  return bandit_ ? static_cast<int>(bandit_->Choose(child)) : 0;
}

// A recorded child's outcome for its model's arm: the score gain over its first parent,
// clipped at 0, when it was evaluated on every task (0 otherwise: the gate, a failure).
void Search::RewardModel(const std::string& name, const nlohmann::json& record) {
  if (!bandit_ || name.empty()) return;
  size_t model = 0;
  while (model < config_.models.size() && config_.models[model].name != name) ++model;
  if (model == config_.models.size()) return;  // a model no longer in the config
  auto summary = archive::SummaryOfRecord(record);
  double reward = 0;
  auto parents = record.value("parents", std::vector<VariantId>{});
  auto summaries = archive_.Summaries(benchmark_);
  if (summary && summary->score && !parents.empty() && summaries &&
      static_cast<size_t>(parents[0]) < (*summaries)->size()) {
    const archive::RecordSummary& parent = (**summaries)[static_cast<size_t>(parents[0])];
    reward = model::ChildReward(summary->status == EvalStatus::kEvaluated, *summary->score,
                                parent.score.value_or(0));
  }
  bandit_->Finish(model, reward);
}

// What the records say that the loop keeps in memory: each token hash's first variant
// (duplicates, docs/search.md), the islands' members (islands.h) and the ensemble bandit's
// outcomes (each child's model and its gain over its parent), in id order: one pass.
Result<> Search::LoadRecordIndex() {
  if (!config_.reject_duplicates && config_.islands <= 1 && !bandit_) return {};
  const auto& summaries = *CLADE_TRY(archive_.Summaries(benchmark_));
  for (const archive::Variant& variant : archive_.variants()) {
    auto record = CLADE_TRY(archive_.Record(variant.id, benchmark_));
    if (!record) continue;  // only the last, left by a crash: recorded again later
    auto hash = record->find("token_hash");
    if (hash != record->end() && hash->is_string()) {
      token_owners_.emplace(hash->get<std::string>(), variant.id);
    }
    int island = record->value("island", 0);
    if (island < 0 || island >= islands_.count()) island = 0;
    islands_.Add(variant.id, island, summaries[static_cast<size_t>(variant.id)]);
    const nlohmann::json mutation = record->value("mutation", nlohmann::json::object());
    if (variant.id != 0 && mutation.is_object()) RewardModel(mutation.value("model", ""), *record);
  }
  return {};
}

double Search::Seconds() const {
  return base_seconds_ + std::chrono::duration<double>(Clock::now() - start_).count();
}

Result<> Search::SaveState() {
  state_.rng = selection::SaveRng(rng_);
  state_.seconds = Seconds();
  RunState saved = state_;
  return archive_.SetState(saved.ToJson(), {{"config.yaml", config_.text}});
}

Result<> Search::EvaluateSeed() {
  if (CLADE_TRY(archive_.Record(0, benchmark_))) return {};
  c_.progress->Note("evaluating the seed (variant 0) ...");
  auto child = NewChild(-1, 0, PlannedChild{});
  child->existing = 0;
  AcquireSlot(*child);
  child->start = Clock::now();
  child->result.tree = archive_.variant(0).tree;
  child->result.mutator = "seed";
  child->result.model.clear();
  mutation::ChildProposal seed;
  seed.record = {{"mutator", "seed"}};
  child->result.proposal = seed;
  CLADE_TRY(archive_.SyncTo(0, child->dir / "source"));
  child->result.token_hash = mutation::TokenTreeHash(child->dir / "source").value_or("");
  Child* raw = child.get();
  in_flight_[raw] = std::move(child);
  CLADE_TRY(StartEvaluation(*raw));
  while (!in_flight_.empty() && !Abandoning()) CLADE_TRY(Wait());
  if (Abandoning()) return {};
  const archive::RecordSummary& seed_summary = (*CLADE_TRY(archive_.Summaries(benchmark_)))[0];
  if (seed_summary.status != EvalStatus::kEvaluated) {
    std::string status = archive::StatusText(seed_summary);
    failed_ = fmt::format(
        "the seed agent (variant 0) did not evaluate: {}; see 'clade show 0' and its "
        "build log (git show refs/clade/logs/0:build.log)",
        status);
  }
  return {};
}

Result<std::vector<selection::Candidate>> Search::Pool() {
  const std::vector<archive::RecordSummary>& outcomes = *CLADE_TRY(archive_.Summaries(benchmark_));
  std::vector<selection::Candidate> pool;
  pool.reserve(archive_.size());
  for (const archive::Variant& variant : archive_.variants()) {
    selection::Candidate candidate;
    candidate.id = variant.id;
    candidate.parents = variant.parents;
    const archive::RecordSummary& outcome = outcomes[static_cast<size_t>(variant.id)];
    candidate.status = outcome.status;
    candidate.score = outcome.score;
    candidate.pruned = variant.pruned;
    candidate.order = variant.id;
    pool.push_back(std::move(candidate));
  }
  for (const selection::Candidate& candidate : pool) {
    if (!candidate.status || !WasScored(*candidate.status)) continue;
    for (VariantId parent :
         std::set<VariantId>(candidate.parents.begin(), candidate.parents.end())) {
      pool[static_cast<size_t>(parent)].children_built += 1;
    }
  }
  return pool;
}

// Parents, seeds and donors for `count` children, the first of them child number
// `first_index` of the run, drawn from the RNG in a fixed order.
Result<std::vector<PlannedChild>> Search::Draw(size_t count, int64_t first_index) {
  std::vector<selection::Candidate> pool = CLADE_TRY(Pool());
  std::vector<int> islands;
  for (size_t i = 0; i < count; ++i) {
    islands.push_back(islands_.IslandOfChild(first_index + static_cast<int64_t>(i)));
  }
  std::vector<int> parents = CLADE_TRY(SelectParents(pool, islands));
  std::vector<const selection::Candidate*> eligible = selection::EligibleCandidates(pool);
  std::vector<PlannedChild> planned;
  for (size_t i = 0; i < parents.size(); ++i) {
    int parent = parents[i];
    PlannedChild child{parent, rng_(), {}, islands[i],
                       NextModel(first_index + static_cast<int64_t>(i))};
    if (config_.mutator == "gi" && config_.gi.crossover_rate > 0) {
      if (std::optional<VariantId> donor = DrawDonor(eligible, parent)) {
        child.donors.push_back(*donor);
      }
    }
    planned.push_back(std::move(child));
  }
  return planned;
}

// The crossover donor of a child of `parent`: the better (selection::BetterThan) of two
// draws, uniform with replacement, from the eligible variants of another line of descent,
// neither `parent` nor its ancestor nor its descendant. None (and no draw) when there is
// no such variant. A line's own ancestor could only give back what the line changed, and a
// better donor more likely carries a change worth taking.
std::optional<VariantId> Search::DrawDonor(
    const std::vector<const selection::Candidate*>& eligible, VariantId parent) {
  std::vector<const selection::Candidate*> others;
  for (const selection::Candidate* candidate : eligible) {
    const std::optional<VariantId> parted = archive_.CommonAncestor(candidate->id, parent);
    if (parted != candidate->id && parted != parent) others.push_back(candidate);
  }
  if (others.empty()) return std::nullopt;
  const selection::Candidate* first = others[selection::UniformIndex(rng_, others.size())];
  const selection::Candidate* second = others[selection::UniformIndex(rng_, others.size())];
  return (selection::BetterThan(*second, *first) ? second : first)->id;
}

// One parent per child, each from its island: with one island, one Select call over the
// pool (as always); with several, one call per island in island order, over the pool with
// the variants outside the island left out (still counted as children and descendants).
Result<std::vector<int>> Search::SelectParents(const std::vector<selection::Candidate>& pool,
                                               const std::vector<int>& islands) {
  if (islands_.count() == 1) return policy_->Select(pool, islands.size(), rng_);
  std::vector<int> parents(islands.size(), 0);
  for (int island = 0; island < islands_.count(); ++island) {
    size_t count = static_cast<size_t>(std::count(islands.begin(), islands.end(), island));
    if (count == 0) continue;
    std::vector<selection::Candidate> local = pool;
    for (selection::Candidate& candidate : local) {
      if (!islands_.Contains(island, candidate.id)) candidate.pruned = true;  // not here
    }
    std::vector<int> drawn = CLADE_TRY(policy_->Select(local, count, rng_));
    size_t next = 0;
    for (size_t i = 0; i < islands.size(); ++i) {
      if (islands[i] == island) parents[i] = drawn[next++];
    }
  }
  return parents;
}

// Runs completions for up to a quarter second; an error from one stops the run.
Result<> Search::Wait() {
  pool_.RunCompletions(std::chrono::milliseconds(250));
  Result<> result = pending_;
  pending_ = {};
  c_.progress->Status(ProgressNow());
  return result;
}

std::optional<std::string> Search::BudgetSpent() const {
  return SpentBudget(config_.budget, state_, Seconds());
}

// The budgets that stop new work whatever is in flight: wall and CPU time, tokens, money
// (not the counts of children or iterations, which in-flight work is already part of).
std::optional<std::string> Search::SpendingBudgetSpent() const {
  return SpentBudget({.wall_seconds = config_.budget.wall_seconds,
                      .tokens = config_.budget.tokens,
                      .money = config_.budget.money,
                      .cpu_seconds = config_.budget.cpu_seconds},
                     state_, Seconds());
}

bool Search::TooManyErrors() {
  if (consecutive_errors_ < config_.max_consecutive_errors) return false;
  if (failed_.empty()) {
    failed_ = fmt::format(
        "{} infrastructure failures in a row (the last is in the record of "
        "the newest child: clade show {})",
        consecutive_errors_, archive_.size() - 1);
  }
  return true;
}

Result<> Search::Prune(const std::vector<int>& new_ids) {
  std::vector<selection::Candidate> pool = CLADE_TRY(Pool());
  for (int id : pruning_->Prune(pool, new_ids)) CLADE_TRY(archive_.Prune(id));
  return {};
}

Result<SearchSummary> Search::Finish() {
  SearchSummary summary;
  if (Abandoning()) {
    summary.end = RunEnd::kAbandoned;
    summary.reason =
        fmt::format("stopped at once; {} children in flight were abandoned", in_flight_.size());
  } else if (!failed_.empty()) {
    summary.end = RunEnd::kFailed;
    summary.reason = failed_;
  } else if (Stopping()) {
    summary.end = RunEnd::kStopped;
    summary.reason = "stopped by a signal";
  } else {
    summary.end = RunEnd::kFinished;
    summary.reason = reason_.empty() ? BudgetSpent().value_or("nothing left to do") : reason_;
  }
  state_.status = RunEndName(summary.end);
  state_.reason = summary.reason;
  if (!Abandoning()) CLADE_TRY(SaveState());
  c_.progress->Done();
  summary.children = session_children_;
  summary.failures = session_failures_;
  summary.state = state_;
  const auto& outcomes = *CLADE_TRY(archive_.Summaries(benchmark_));
  if (!outcomes.empty()) summary.seed_score = outcomes[0].score;
  summary.best = CLADE_TRY(archive_.Best(benchmark_));
  if (summary.best) summary.best_score = outcomes[static_cast<size_t>(*summary.best)].score;
  if (!outcomes.empty()) summary.seed_summary = outcomes[0];
  if (summary.best) summary.best_summary = outcomes[static_cast<size_t>(*summary.best)];
  for (size_t i = 1; i < outcomes.size(); ++i) {
    if (outcomes[i].confirmed) ++(*outcomes[i].confirmed ? summary.confirmed : summary.not_confirmed);
  }
  double wall = std::chrono::duration<double>(Clock::now() - start_).count();
  if (wall > 0) summary.worker_busy_fraction = pool_.BusySeconds() / (wall * pool_.workers());
  return summary;
}

std::string_view RunEndName(RunEnd end) {
  switch (end) {
    case RunEnd::kFinished:
      return "finished";
    case RunEnd::kStopped:
      return "stopped";
    case RunEnd::kAbandoned:
      return "abandoned";
    case RunEnd::kFailed:
      return "failed";
  }
  return "failed";
}

Result<SearchSummary> RunSearch(const SearchContext& context) {
  auto search = std::make_unique<Search>(context);
  Result<SearchSummary> summary = search->Run();
  if (summary && summary->end == RunEnd::kAbandoned) {
    // Its workers are still inside builds and agent runs, and joining them would wait for
    // those; the caller exits the process at once, which ends them (PR_SET_PDEATHSIG).
    (void)search.release();
  }
  return summary;
}

}  // namespace clade::search
