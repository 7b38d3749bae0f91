// The search loop with a substitute mutator and executor (as ninja substitutes its command
// runner): an "agent" is a directory holding value.txt; a child adds a seed-dependent step
// to its parent's value; its score is value/100. Everything else is real: the archive,
// the run state, the worker threads, selection and pruning.
#include "engine/search/search.h"

#include "engine/search/islands.h"

#include <atomic>
#include <cmath>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "support/fs.h"

namespace clade::search {
namespace {

namespace fs = std::filesystem;

int ReadValue(const fs::path& dir) {
  return std::stoi(*ReadFile(dir / "value.txt"));
}

// value.txt + (seed % 21 - 10); a seed divisible by 7 yields no child; a value that would
// end in 13 is "an infrastructure failure" when `infra_failures` is set.
class StepMutator : public mutation::Mutator {
 public:
  std::string_view name() const override { return "step"; }
  Result<mutation::ChildProposal> Propose(const mutation::MutationRequest& request) const override {
    if (request.seed % 7 == 0)
      return FailAs(ErrorKind::kNoChild, "seed {} is unlucky", request.seed);
    if (no_child_proposals && request.seed % 5 == 0) {  // spent tokens on no valid edit
      mutation::ChildProposal none;
      none.no_child = fmt::format("seed {}: no valid edit", request.seed);
      none.summary = "step: no child";
      none.record = {{"mutator", "step"}, {"attempt", "rejected"}};
      none.logs["attempt.md"] = "the rejected answer";
      none.tokens = 25;
      return none;
    }
    int value = ReadValue(request.source) + static_cast<int>(request.seed % 21) - 10;
    if (infra_failures && value % 100 == 13) return Fail("model unreachable");
    mutation::ChildProposal proposal;
    proposal.files["value.txt"] = std::to_string(value);
    if (formatted_source) {  // the same value in C++ that differs only in layout and comments
      proposal.files["value.cc"] = fmt::format("// seed {}\nint value{}={}{};\n", request.seed,
                                               std::string(request.seed % 3, ' '),
                                               std::string(request.seed % 2, '\n'), value);
    }
    proposal.summary = fmt::format("value {}", value);
    proposal.trailers = {{"Clade-Mutator", "step"}, {"Clade-Seed", std::to_string(request.seed)}};
    proposal.record = {{"mutator", "step"}, {"value", value}};
    proposal.tokens = 10;
    if (request.parent_record.contains("validation")) saw_validation = true;
    return proposal;
  }
  bool infra_failures = false;
  bool formatted_source = false;
  bool no_child_proposals = false;
  mutable std::atomic<bool> saw_validation{false};
};

// Scores value/100; a negative value "does not build". Counts its calls.
class ValueExecutor : public Executor {
 public:
  std::string_view name() const override { return "value"; }
  Result<sandbox::Evaluation> Evaluate(const EvalJob& job, int worker) override {
    {
      std::lock_guard lock(mutex_);
      ++calls;
      workers_seen.insert(worker);
    }
    if (delay.count() > 0) std::this_thread::sleep_for(delay);
    sandbox::Evaluation evaluation;
    evaluation.suite = job.suite->name;
    int value = ReadValue(job.source);
    if (job.suite->name == "values-validation") return Validation(value);
    if (value < 0) {
      evaluation.status = EvalStatus::kBuildFailed;
      return evaluation;
    }
    evaluation.status = EvalStatus::kEvaluated;
    evaluation.score = std::min(1.0, value / 100.0);
    // Like the real evaluator: below the first stage's threshold, the later stages do not run.
    if (job.stages.size() > 1 && evaluation.score < job.stages[0].threshold) {
      evaluation.status = EvalStatus::kBelowThreshold;
    }
    // And its parent gate: on the one task, a child must beat its parent to go on.
    if (job.parent_scores) {
      std::lock_guard lock(mutex_);
      ++gated_calls;
      if (evaluation.score <= job.parent_scores->at("t1"))
        evaluation.status = EvalStatus::kBelowThreshold;
    }
    // One task "t1", or each task the suite names (search.mode: tasks gives one), all
    // scoring the same.
    std::vector<std::string> ids = {"t1"};
    if (!job.suite->tasks.empty()) {
      ids.clear();
      for (const sandbox::Task& named : job.suite->tasks) ids.push_back(named.id);
      std::lock_guard lock(mutex_);
      tasks_run += ids.size();
    }
    for (const std::string& id : ids) {
      sandbox::TaskResult task;
      task.id = id;
      task.score = evaluation.score;
      task.status = evaluation.score >= 1 ? "solved" : "partial";
      task.cpu_seconds = 2.5;
      evaluation.tasks.push_back(task);
    }
    evaluation.stage_reached = 1;
    return evaluation;
  }
  // The validation suite's six tasks: an even value solves them all, an odd one none (it
  // "overfits" the selection task).
  sandbox::Evaluation Validation(int value) {
    std::lock_guard lock(mutex_);
    validated_values.push_back(value);
    sandbox::Evaluation evaluation;
    evaluation.suite = "values-validation";
    for (int k = 0; k < 6; ++k) {
      sandbox::TaskResult task;
      task.id = fmt::format("v{}", k);
      task.score = value % 2 == 0 ? 1.0 : 0.0;
      evaluation.tasks.push_back(task);
    }
    evaluation.score = value % 2 == 0 ? 1.0 : 0.0;
    evaluation.stage_reached = 1;
    return evaluation;
  }
  std::mutex mutex_;
  int calls = 0;
  int gated_calls = 0;  // with the parent's scores
  size_t tasks_run = 0;  // tasks of suites that name theirs
  std::vector<int> validated_values;  // the values evaluated on the validation suite
  std::set<int> workers_seen;
  std::chrono::milliseconds delay{0};
};

class SilentProgress : public Progress {
 public:
  void Status(const ProgressSnapshot&) override {}
  void Child(const ChildEvent& child, const ProgressSnapshot&) override {
    children.push_back(child);
  }
  void Note(const std::string& line) override { notes.push_back(line); }
  void Done() override {}
  std::vector<ChildEvent> children;
  std::vector<std::string> notes;
};

struct Fixture {
  TempDir dir{"clade-search-test"};
  RunConfig config;
  sandbox::Suite suite;
  StepMutator mutator;
  ValueExecutor executor;
  SilentProgress progress;
  std::atomic<int> stop{kRun};
  sandbox::Suite validation_suite;
  std::optional<ValidationSetup> validation;  // set it to validate

  explicit Fixture(int seed_value = 20) {
    fs::create_directories(dir.path() / "seed");
    REQUIRE(WriteFile(dir.path() / "seed" / "value.txt", std::to_string(seed_value)));
    config.name = "test";
    config.seed = 5;
    config.archive = dir.path() / "archive.git";
    config.workers = 2;
    config.children = 3;
    config.policy = "dgm";
    config.budget.iterations = 4;
    suite.name = "values";
  }

  std::unique_ptr<archive::Archive> OpenOrCreate(const fs::path& path) {
    if (fs::exists(path))
      return std::move(*archive::Archive::Open(path, {.mode = archive::Mode::kWrite}));
    auto archive = std::move(*archive::Archive::Create(path, {.mode = archive::Mode::kWrite}));
    archive::NewVariant seed{.tree = *archive->WriteTreeFromDirectory(dir.path() / "seed"),
                             .summary = "seed"};
    REQUIRE(archive->AddVariant(seed));
    return archive;
  }

  Result<SearchSummary> Run(archive::Archive& archive) {
    fs::path scratch = dir.path() / "scratch";
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    SearchContext context{.archive = &archive,
                          .config = &config,
                          .suite = &suite,
                          .suite_hash = "h",
                          .validation = validation ? &*validation : nullptr,
                          .mutators = {&mutator},
                          .executor = &executor,
                          .progress = &progress,
                          .scratch = scratch,
                          .stop = &stop};
    return RunSearch(context);
  }
};

// What must match between two runs: each variant's tree, parents, summary and record.
std::vector<std::string> Fingerprint(archive::Archive& archive) {
  std::vector<std::string> lines;
  for (const archive::Variant& v : archive.variants()) {
    auto record = *archive.Record(v.id, "values");
    std::string status = record ? record->value("status", "") : "none";
    std::string score = record && (*record)["score"].is_number() ? (*record)["score"].dump() : "-";
    lines.push_back(fmt::format("{} {} {} [{}] {} {} {}", v.id, v.tree, v.summary,
                                fmt::join(v.parents, ","), status, score, v.pruned));
  }
  return lines;
}

TEST_CASE("A generational run makes children per iteration until the iteration budget") {
  Fixture f;
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  CHECK(summary->end == RunEnd::kFinished);
  CHECK(summary->reason == "iterations (4 of 4)");
  CHECK(archive->size() == 1 + 4 * 3);
  CHECK(summary->state.iterations == 4);
  CHECK(summary->state.children == 12);
  // Every child the mutator made spent its 10 tokens, whatever became of it.
  int64_t proposed = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto status = (**archive->Record(v.id, "values"))["status"];
    proposed += v.id != 0 && status != "mutation_failed" && status != "error";
  }
  CHECK(summary->state.tokens == 10 * proposed);
  CHECK(summary->seed_score == Approx(0.2));
  // Every child's first parent was an evaluated variant made before its iteration.
  for (const archive::Variant& v : archive->variants()) {
    if (v.id == 0) continue;
    auto parent_record = **archive->Record(v.parents[0], "values");
    CHECK(parent_record["status"] == "evaluated");
    CHECK(v.parents[0] < v.id);
  }
  // The run state is in the archive, with no plan left over.
  auto state = RunState::FromJson(**archive->State());
  REQUIRE(state);
  CHECK(state->status == "finished");
  CHECK(!state->plan);
}

TEST_CASE("A failed mutation and a failed build are recorded children that never become parents") {
  Fixture f(2);  // low values: several children go negative and "do not build"
  f.config.budget.iterations = 6;
  f.mutator.no_child_proposals = true;
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  std::map<std::string, int> statuses;
  std::set<int> failed;
  int64_t tokens = 0;
  int spent_on_nothing = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    statuses[record["status"]] += 1;
    if (record["status"] != "evaluated") failed.insert(v.id);
    tokens += record.value("mutation", nlohmann::json::object()).value("tokens", int64_t{0});
    if (record["status"] == "mutation_failed") {
      CHECK(v.tree == archive->variant(v.parents[0]).tree);  // no change, but recorded
      std::string error = record["error"];
      CHECK((error.find("unlucky") != std::string::npos ||
             error.find("no valid edit") != std::string::npos));
      if (error.find("no valid edit") != std::string::npos) {
        // A no_child proposal keeps what it spent, its record and its logs.
        ++spent_on_nothing;
        CHECK(record["mutation"]["tokens"] == 25);
        CHECK(record["mutation"]["attempt"] == "rejected");
        CHECK(**archive->Log(v.id, "mutation/attempt.md") == "the rejected answer");
      }
    }
  }
  CHECK(spent_on_nothing > 0);
  CHECK(summary->state.tokens == tokens);  // the budget counts them
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  CHECK(statuses["build_failed"] > 0);
  for (const archive::Variant& v : archive->variants()) {
    for (int parent : v.parents) CHECK(failed.count(parent) == 0);
  }
}

TEST_CASE(
    "Staged evaluation: the seed goes through every stage, a child below a threshold is never a "
    "parent nor best") {
  Fixture f(20);  // the seed scores 0.2, below the first stage's threshold
  f.config.stages = {{.tasks = 1, .threshold = 0.25}, {}};
  f.config.budget.iterations = 6;
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  CHECK((**archive->Record(0, "values"))["status"] == "evaluated");
  std::set<int> below;
  for (const archive::Variant& v : archive->variants()) {
    if ((**archive->Record(v.id, "values"))["status"] == "below_threshold") below.insert(v.id);
  }
  REQUIRE(!below.empty());
  for (const archive::Variant& v : archive->variants()) {
    for (int parent : v.parents) CHECK(below.count(parent) == 0);
  }
  auto best = *archive->Best("values");
  REQUIRE(best);
  CHECK(below.count(*best) == 0);
  // A child below the threshold built: it counts as a failure of neither the run nor the build.
  CHECK(summary->state.failures < summary->state.children);
}

TEST_CASE("The parent gate: every child is evaluated against its parent's scores, the seed not") {
  Fixture f(50);
  f.config.parent_gate = true;
  f.config.budget.iterations = 5;
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  CHECK(f.executor.gated_calls == f.executor.calls - 1);
  int below = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    if (v.id == 0 || record["status"] != "evaluated") {
      below += record["status"] == "below_threshold";
      continue;
    }
    // An evaluated child passed its gate: it beats its parent.
    auto parent = **archive->Record(v.parents.at(0), "values");
    CHECK(record["score"].get<double>() > parent["score"].get<double>());
    CHECK(record["cache_key"].get<std::string>().find(":gate@") != std::string::npos);
  }
  CHECK(below > 0);
}

TEST_CASE("Validation: a child that beats its parent is confirmed only if not worse held out") {
  Fixture f(50);
  f.config.budget.iterations = 8;
  f.validation_suite.name = "values-validation";
  f.validation_suite.tasks.resize(6);
  f.validation = ValidationSetup{.suite = &f.validation_suite,
                                 .suite_hash = "v",
                                 .benchmark = "values-validation",
                                 .alpha = 0.1,
                                 .test = selection::PairedTestKind::kSign};
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  auto value_of = [&](int id) {
    auto tree = archive->variant(id).tree;
    TempDir out("clade-search-value");
    REQUIRE(archive->SyncTo(id, out.path()));
    return ReadValue(out.path());
  };
  auto seed = **archive->Record(0, "values");
  CHECK(seed["validation"]["confirmed"] == true);
  CHECK(seed["validation"]["tasks"] == 6);
  int confirmed = 0;
  int refused = 0;
  for (const archive::Variant& v : archive->variants()) {
    if (v.id == 0) continue;
    auto record = **archive->Record(v.id, "values");
    auto parent = **archive->Record(v.parents[0], "values");
    bool beat = record["status"] == "evaluated" &&
                record["score"].get<double>() > parent["score"].get<double>();
    // Validated exactly when it beat its parent on the selection task.
    REQUIRE(record.contains("validation") == beat);
    if (!beat) continue;
    const auto& validation = record["validation"];
    CHECK(validation["parent"] == v.parents[0]);
    // Worse held out (an odd child of an even parent: 0 against 1 on all six tasks, sign
    // test p = 1/64) is refused; anything else is confirmed.
    bool worse = value_of(v.id) % 2 != 0 && value_of(v.parents[0]) % 2 == 0;
    CHECK(validation["confirmed"] == !worse);
    if (worse) CHECK(validation["p_worse"].get<double>() == Approx(1.0 / 64));
    (worse ? refused : confirmed) += 1;
    // The child's and the parent's validation records are kept on the validation benchmark.
    CHECK((**archive->Record(v.id, "values-validation"))["tasks"].size() == 6);
    CHECK((**archive->Record(v.parents[0], "values-validation"))["tasks"].size() == 6);
  }
  CHECK(confirmed > 0);
  CHECK(refused > 0);
  // Each tree is evaluated on the validation tasks once, however many children compare.
  std::set<std::string> trees;
  for (const archive::Variant& v : archive->variants()) {
    if (archive->Record(v.id, "values-validation").value()) trees.insert(v.tree);
  }
  CHECK(f.executor.validated_values.size() == trees.size());
  // The best is the highest selection score among the seed and the confirmed children.
  auto best = *archive->Best("values");
  REQUIRE(best);
  double best_score = (**archive->Record(*best, "values"))["score"];
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    bool eligible = v.id == 0 || (record.contains("validation") &&
                                  record["validation"]["confirmed"] == true);
    if (eligible && record["status"] == "evaluated") {
      CHECK(record["score"].get<double>() <= best_score);
    }
  }
  CHECK_FALSE(f.mutator.saw_validation);  // mutators never see the held-out tasks
}

TEST_CASE("Islands: each child is drawn from its island, and the best migrate") {
  Fixture f(50);
  f.config.islands = 3;
  f.config.migration_interval = 4;
  f.config.budget.iterations = 8;
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  // Rebuild the islands from the records, as a resumed run does, checking each child's
  // parent was a member of its island when it was drawn (before its iteration).
  Islands islands(3, 4);
  int from_other_island = 0;
  std::vector<archive::VariantId> pending;  // this iteration's children, added at its end
  int64_t iteration = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    auto summary = *archive::SummaryOfRecord(record);
    if (v.id == 0) {
      CHECK_FALSE(record.contains("island"));
      islands.Add(0, 0, summary);
      continue;
    }
    int island = record["island"];
    CHECK(island == (v.id - 1) % 3);  // child k of the run is drawn from island k mod 3
    if (record["iteration"] != iteration) {  // the previous iteration is all in
      for (archive::VariantId id : pending) {
        auto r = **archive->Record(id, "values");
        islands.Add(id, r["island"], *archive::SummaryOfRecord(r));
      }
      pending.clear();
      iteration = record["iteration"];
    }
    if (record["status"] != "mutation_failed") {
      int parent = v.parents[0];
      CHECK(islands.Contains(island, parent));
      if (parent != 0) {
        auto parent_record = **archive->Record(parent, "values");
        from_other_island += parent_record["island"] != island;
      }
    }
    pending.push_back(v.id);
  }
  CHECK(from_other_island > 0);  // a migrant became a parent on its new island
}

TEST_CASE("The same seed gives the same run, a run stopped mid-iteration and resumed too") {
  Fixture a;
  auto whole = a.OpenOrCreate(a.config.archive);
  REQUIRE(a.Run(*whole));

  Fixture b;
  b.executor.delay = std::chrono::milliseconds(30);
  fs::path path = b.config.archive;
  int sessions = 0;
  for (int stop_after = 1; sessions < 20; stop_after += 2) {
    auto archive = b.OpenOrCreate(path);
    // Stop after a few children: a thread watches the progress and asks to stop.
    b.stop = kRun;
    size_t before = b.progress.children.size();
    std::thread watcher([&b, before, stop_after] {
      for (int i = 0; i < 400 && b.progress.children.size() < before + stop_after; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
      }
      b.stop = kFinish;
    });
    auto summary = b.Run(*archive);
    watcher.join();
    REQUIRE(summary);
    ++sessions;
    if (summary->end == RunEnd::kFinished) break;
    CHECK(summary->end == RunEnd::kStopped);
  }
  CHECK(sessions > 1);
  auto resumed = *archive::Archive::Open(path);
  CHECK(Fingerprint(*resumed) == Fingerprint(*whole));
}

TEST_CASE("Async mode keeps every worker busy and stops at the variant budget") {
  Fixture f;
  f.config.mode = SearchMode::kAsync;
  f.config.budget.iterations.reset();
  f.config.budget.variants = 10;
  f.executor.delay = std::chrono::milliseconds(20);
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  CHECK(summary->end == RunEnd::kFinished);
  CHECK(summary->reason == "variants (10 of 10)");
  CHECK(archive->size() == 11);
  CHECK(f.executor.workers_seen == std::set<int>{0, 1});
}

// search.mode: tasks over a suite of four tasks.
void UseTasksMode(Fixture& f, int64_t variants, int64_t task_evaluations) {
  f.config.mode = SearchMode::kTasks;
  f.config.budget.iterations.reset();
  f.config.budget.variants = variants;
  f.config.budget.task_evaluations = task_evaluations;
  for (const char* id : {"t1", "t2", "t3", "t4"}) f.suite.tasks.push_back({.id = id});
}

// Per child: how many tasks its record lists, and its status.
std::vector<std::pair<size_t, std::string>> TaskCounts(archive::Archive& archive) {
  std::vector<std::pair<size_t, std::string>> counts;
  for (const archive::Variant& v : archive.variants()) {
    if (v.id == 0) continue;
    auto record = **archive.Record(v.id, "values");
    counts.emplace_back(record.value("tasks", nlohmann::json::array()).size(),
                        record.value("status", ""));
  }
  return counts;
}

TEST_CASE("Tasks mode: task evaluations go to new children or to recorded ones, to the budget") {
  Fixture f(40);
  UseTasksMode(f, 6, 14);
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  CHECK(summary->end == RunEnd::kFinished);
  CHECK(summary->reason == "task evaluations (14 of 14)");
  CHECK(summary->state.task_evaluations == 14);
  CHECK(f.executor.tasks_run == 4 + 14);  // the seed's four, then one task per evaluation
  size_t listed = 0;
  bool some_partial = false;
  for (const auto& [tasks, status] : TaskCounts(*archive)) {
    INFO(status << " with " << tasks << " tasks");
    listed += tasks;
    if (status == "evaluated") CHECK(tasks == 4);
    if (status == "below_threshold") CHECK((tasks >= 1 && tasks < 4));
    if (status == "below_threshold") some_partial = true;
    if (status == "build_failed" || status == "mutation_failed") CHECK(tasks == 0);
  }
  CHECK(listed == 14);  // every task evaluation is in a record, none twice
  CHECK(some_partial);  // the scheduler spread its evaluations; not every child ran all
  // Each variant's last task says so, with the budget spent when it ended.
  bool noted = false;
  for (const std::string& note : f.progress.notes) {
    if (note.find(" after ") == std::string::npos) continue;
    noted = true;
    CHECK_THAT(note, Catch::Matches(
                         R"(variant \d+ \w+ after [0-4] tasks: \d\.\d{3}  \| .*tasks \d+/14)"));
  }
  CHECK(noted);
  CHECK(archive->size() - 1 <= 6);
  // A partial record is never the best, and never reused as a finished evaluation.
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    if (record.value("status", "") == "below_threshold") {
      CHECK(summary->best != v.id);
      CHECK_THAT(record.value("cache_key", ""), Catch::EndsWith(":partial"));
      CHECK(record["per_task"]["of"] == 4);
    }
  }
  // The run memory follows each record as it grows a task at a time.
  std::map<archive::VariantId, std::string> lessons = archive->Lessons().value();
  CHECK(lessons.size() == archive->size() - 1);
  for (const auto& [id, text] : lessons) {
    auto record = **archive->Record(id, "values");
    nlohmann::json lesson = nlohmann::json::parse(text);
    INFO("variant " << id << ": " << text);
    CHECK(lesson["status"] == record["status"]);
    if (lesson["score"].is_number()) CHECK(lesson["score"] == record["score"]);
  }
}

TEST_CASE("Tasks mode: a run stopped and resumed keeps every task result and its budget") {
  Fixture f(40);
  UseTasksMode(f, 5, 9);
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  CHECK(f.executor.tasks_run == 4 + 9);
  f.config.budget.task_evaluations = 16;  // a bigger budget: the run goes on
  auto resumed = f.Run(*archive);
  REQUIRE(resumed);
  CHECK(resumed->reason == "task evaluations (16 of 16)");
  CHECK(f.executor.tasks_run == 4 + 16);  // the seed is not evaluated again
  size_t listed = 0;
  for (const auto& [tasks, status] : TaskCounts(*archive)) listed += tasks;
  CHECK(listed == 16);
}

TEST_CASE("A CPU-time budget stops a run by the CPU seconds its evaluations' tasks used") {
  Fixture f;
  f.config.mode = SearchMode::kAsync;
  f.config.budget.iterations.reset();
  f.config.budget.cpu_seconds = 20;  // the seed's 2.5 s, then 2.5 s per child
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  CHECK_THAT(summary->reason, Catch::StartsWith("CPU time ("));
  CHECK(summary->state.cpu_seconds >= 20);
  // No child starts once 20 s are spent: at most 17.5 s when the last one started, and at
  // most three in flight then (workers + 1), each adding 2.5 s. A child recorded as a
  // duplicate of a sibling after its evaluation spent its CPU too.
  CHECK(summary->state.cpu_seconds <= 25);
  CHECK(std::fmod(summary->state.cpu_seconds, 2.5) == 0);
}

TEST_CASE("Repeated infrastructure failures stop the run with the reason, single ones do not") {
  Fixture f(13);
  f.mutator.infra_failures = true;
  f.config.max_consecutive_errors = 2;
  f.config.budget.iterations = 30;
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  // The seed's value is 13, and children near it: sooner or later two in a row fail.
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  int errors = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    if (record["status"] == "error") {
      ++errors;
      CHECK(record["error"] == "model unreachable");
    }
  }
  CHECK(errors > 0);
  if (summary->end == RunEnd::kFailed) {
    CHECK(summary->reason.find("infrastructure failures in a row") != std::string::npos);
  }
}

TEST_CASE("A duplicate child is recorded, never evaluated, never a parent") {
  Fixture f;
  f.mutator.formatted_source = true;  // equal values come in differently formatted C++
  f.config.budget.iterations = 8;
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  INFO(fmt::format("{}", fmt::join(Fingerprint(*archive), "\n")));
  auto value_of = [&](int id) {
    TempDir out("clade-search-value");
    REQUIRE(archive->SyncTo(id, out.path()));
    return ReadValue(out.path());
  };
  std::set<int> duplicates;
  int by_tokens = 0;
  std::map<int, int> evaluated_values;  // value -> variant
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    if (record["status"] == "duplicate") {
      duplicates.insert(v.id);
      int original = record["duplicate_of"];
      CHECK(original < v.id);
      CHECK(value_of(original) == value_of(v.id));
      CHECK(record["score"].is_null());
      CHECK(record["tasks"].empty());
      if (archive->variant(original).tree != v.tree) ++by_tokens;
      continue;
    }
    if (record["status"] == "evaluated" && v.id != 0) {
      // Every source is evaluated once: no two evaluated variants share a value.
      CHECK(evaluated_values.emplace(value_of(v.id), v.id).second);
    }
  }
  CHECK(by_tokens > 0);  // the same tokens in another layout are a duplicate too
  for (const archive::Variant& v : archive->variants()) {
    for (int parent : v.parents) CHECK(duplicates.count(parent) == 0);
  }
  // Evaluated: the seed, each distinct source once, the failed builds, and a duplicate of
  // a sibling of its own iteration (found only when the plan is recorded in order).
  int failed_builds = 0;
  int late = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    failed_builds += record["status"] == "build_failed";
    if (record["status"] == "duplicate") {
      auto original = **archive->Record(record["duplicate_of"].get<int>(), "values");
      late += original["iteration"] == record["iteration"];
    }
  }
  CHECK(f.executor.calls ==
        1 + static_cast<int>(evaluated_values.size()) + failed_builds + late);
}

TEST_CASE("With duplicates evaluated, an identical child tree reuses the record") {
  Fixture f;
  f.config.reject_duplicates = false;
  f.config.budget.iterations = 6;
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  int cached = 0, not_built = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    if (record.contains("cached_from")) {
      ++cached;
      int from = record["cached_from"];
      CHECK(archive->variant(from).tree == v.tree);
    }
    if (record["status"] == "mutation_failed" || record["status"] == "error") ++not_built;
  }
  CHECK(cached > 0);  // values wander by -10..10: some child repeats an earlier value
  CHECK(f.executor.calls + cached + not_built == static_cast<int>(archive->size()));
}

TEST_CASE("The seed that does not build fails the run with a sentence naming it") {
  Fixture f(-5);
  auto archive = f.OpenOrCreate(f.config.archive);
  auto summary = f.Run(*archive);
  REQUIRE(summary);
  CHECK(summary->end == RunEnd::kFailed);
  CHECK(summary->reason.find("the seed agent (variant 0) did not evaluate: build_failed") !=
        std::string::npos);
  CHECK(archive->size() == 1);
}

TEST_CASE("Pruning with max_size keeps the best variants as parents") {
  Fixture f;
  f.config.pruning = "max_size";
  f.config.pruning_options.max_size = 3;
  f.config.budget.iterations = 5;
  auto archive = f.OpenOrCreate(f.config.archive);
  REQUIRE(f.Run(*archive));
  int unpruned_evaluated = 0;
  for (const archive::Variant& v : archive->variants()) {
    auto record = **archive->Record(v.id, "values");
    if (record["status"] == "evaluated" && !v.pruned) ++unpruned_evaluated;
  }
  CHECK(unpruned_evaluated <= 3);
}

}  // namespace
}  // namespace clade::search
