// Search-loop benchmark. Two figures of issue 6:
//  1. Engine overhead per child at 100, 1,000 and 10,000 variants: the loop with a mutator
//     and an executor that cost nothing (the child's change is one small file; the score
//     is computed, not measured), so what is timed is selection, exporting the parent,
//     writing the child's tree, the commit, the record, the logs, the run state and the
//     bookkeeping. One worker; the time between consecutive children is the overhead.
//  2. Worker utilisation: children of known cost (an executor that sleeps a drawn time)
//     on W workers, asynchronous and generational; the busy fraction of worker time.
// Prints a Markdown report.
//
//   search_bench [--sizes 100,1000,10000] [--children 200] [--workers 4] [--per-worker 50]
//                [--child-ms 100] [--keep DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>

#include "archive/archive.h"
#include "engine/search/search.h"
#include "support/fs.h"
#include "support/strings.h"

namespace clade::search {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  return values[static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5)];
}

// Changes one line of src/value.cc; its number is the score.
class CheapMutator : public mutation::Mutator {
 public:
  std::string_view name() const override { return "cheap"; }
  Result<mutation::ChildProposal> Propose(const mutation::MutationRequest& request) const override {
    mutation::ChildProposal proposal;
    proposal.files["src/value.cc"] = fmt::format("int value() {{ return {}; }}\n", request.seed % 1000);
    proposal.summary = fmt::format("value {}", request.seed % 1000);
    proposal.trailers = {{"Clade-Mutator", "cheap"}};
    proposal.record = {{"mutator", "cheap"}};
    return proposal;
  }
};

// Scores from the file, or sleeps a drawn time first (utilisation).
class TimedExecutor : public Executor {
 public:
  explicit TimedExecutor(double mean_ms) : mean_ms_(mean_ms) {}
  std::string_view name() const override { return "timed"; }
  Result<sandbox::Evaluation> Evaluate(const EvalJob& job, int worker) override {
    if (mean_ms_ > 0) {
      std::mt19937_64 rng(std::hash<std::string>{}(job.source.string()) + static_cast<size_t>(worker));
      std::uniform_real_distribution<double> cost(0.5 * mean_ms_, 1.5 * mean_ms_);
      std::this_thread::sleep_for(std::chrono::duration<double, std::milli>(cost(rng)));
    }
    std::string text = ReadFile(job.source / "src/value.cc").value_or("");
    size_t at = text.find("return ");
    int value = at == std::string::npos ? 0 : std::atoi(text.c_str() + at + 7);
    sandbox::Evaluation evaluation;
    evaluation.status = EvalStatus::kEvaluated;
    evaluation.suite = job.suite->name;
    evaluation.score = value / 1000.0;
    evaluation.stage_reached = 1;
    sandbox::TaskResult task{.id = "t", .score = evaluation.score, .status = "partial"};
    task.log = "agent output\n";
    evaluation.tasks.push_back(task);
    return evaluation;
  }

 private:
  double mean_ms_;
};

class TimingProgress : public Progress {
 public:
  void Status(const ProgressSnapshot&) override {}
  void Child(const ChildEvent&, const ProgressSnapshot&) override { times.push_back(Clock::now()); }
  void Note(const std::string&) override {}
  void Done() override {}
  std::vector<Clock::time_point> times;
};

// An agent of a few files, like a small seed agent.
void WriteSeed(const fs::path& dir) {
  fs::create_directories(dir / "src");
  for (int i = 0; i < 8; ++i) {
    std::string text;
    for (int line = 0; line < 60; ++line) text += fmt::format("int f{}_{}() {{ return {}; }}\n", i, line, line);
    (void)WriteFile(dir / fmt::format("src/part{}.cc", i), text);
  }
  (void)WriteFile(dir / "src/value.cc", "int value() { return 100; }\n");
  (void)WriteFile(dir / "agent.yaml", "name: bench\nrun: \"true\"\n");
}

struct Bench {
  fs::path root;
  sandbox::Suite suite;
  std::atomic<int> stop{kRun};

  Result<SearchSummary> Run(archive::Archive& archive, RunConfig& config, Executor& executor,
                            Progress& progress) {
    fs::path scratch = root / "scratch";
    fs::remove_all(scratch);
    fs::create_directories(scratch);
    CheapMutator mutator;
    SearchContext context{.archive = &archive, .config = &config, .suite = &suite,
                          .suite_hash = "bench", .mutators = {&mutator}, .executor = &executor,
                          .progress = &progress, .scratch = scratch, .stop = &stop};
    return RunSearch(context);
  }
};

Result<std::unique_ptr<archive::Archive>> NewArchive(const fs::path& path, const fs::path& seed) {
  auto archive = CLADE_TRY(archive::Archive::Create(path, {.mode = archive::Mode::kWrite}));
  archive::NewVariant spec{.tree = CLADE_TRY(archive->WriteTreeFromDirectory(seed)), .summary = "seed"};
  CLADE_TRY(archive->AddVariant(spec));
  return archive;
}

// Overhead per child once the archive holds `size` variants.
Result<std::vector<double>> Overhead(Bench& bench, const fs::path& seed, size_t size, int children) {
  fs::path path = bench.root / fmt::format("overhead-{}.git", size);
  auto archive = CLADE_TRY(NewArchive(path, seed));
  TimedExecutor executor(0);
  TimingProgress progress;
  RunConfig config;
  config.name = "bench";
  config.workers = 1;
  config.children = 10;
  config.policy = "dgm";
  // Grow the archive with the loop itself to `size`, then time `children` more.
  config.budget.variants = static_cast<int64_t>(size) - 1;
  if (size > 1) CLADE_TRY(bench.Run(*archive, config, executor, progress));
  CLADE_TRY(archive->CompactRefs());
  progress.times.clear();
  config.budget.variants = static_cast<int64_t>(size) - 1 + children;
  auto start = Clock::now();
  CLADE_TRY(bench.Run(*archive, config, executor, progress));
  std::vector<double> gaps;
  Clock::time_point previous = start;
  for (Clock::time_point t : progress.times) {
    gaps.push_back(std::chrono::duration<double, std::milli>(t - previous).count());
    previous = t;
  }
  if (!gaps.empty()) gaps.erase(gaps.begin());  // the first includes opening the run
  return gaps;
}

Result<double> Utilisation(Bench& bench, const fs::path& seed, SearchMode mode, int workers,
                           int children, double mean_ms) {
  fs::path path = bench.root / fmt::format("util-{}-{}.git", mode == SearchMode::kAsync ? "async" : "gen", workers);
  auto archive = CLADE_TRY(NewArchive(path, seed));
  // The seed is scored already, so every worker starts on a child at once.
  CLADE_TRY(archive->SetRecord(0, "bench", {{"status", "evaluated"}, {"score", 0.1}}));
  TimedExecutor executor(mean_ms);
  TimingProgress progress;
  RunConfig config;
  config.name = "bench";
  config.workers = workers;
  config.mode = mode;
  config.budget.variants = children;
  SearchSummary summary = CLADE_TRY(bench.Run(*archive, config, executor, progress));
  return summary.worker_busy_fraction;
}

int Main(int argc, char** argv) {
  std::vector<size_t> sizes = {100, 1000, 10000};
  int children = 200;
  int workers = 4;
  int per_worker = 50;
  double child_ms = 100;
  std::string keep;
  for (int i = 1; i < argc; ++i) {
    std::string flag = argv[i];
    bool known = flag == "--sizes" || flag == "--children" || flag == "--workers" ||
                 flag == "--per-worker" || flag == "--child-ms" || flag == "--keep";
    if (!known || i + 1 >= argc) {
      fmt::print(stderr, "usage: search_bench [--sizes 100,1000,10000] [--children 200] "
                         "[--workers 4] [--per-worker 50] [--child-ms 100] [--keep DIR]\n");
      return flag == "--help" ? 0 : 2;
    }
    std::string value = argv[++i];
    if (flag == "--sizes") {
      sizes.clear();
      for (const std::string& part : Split(value, ',')) sizes.push_back(std::stoul(part));
    } else if (flag == "--children") {
      children = std::stoi(value);
    } else if (flag == "--workers") {
      workers = std::stoi(value);
    } else if (flag == "--per-worker") {
      per_worker = std::stoi(value);
    } else if (flag == "--child-ms") {
      child_ms = std::stod(value);
    } else {
      keep = value;
    }
  }
  TempDir temp("clade-search-bench");
  Bench bench{.root = keep.empty() ? temp.path() : fs::path(keep)};
  fs::create_directories(bench.root);
  bench.suite.name = "bench";
  fs::path seed = bench.root / "seed";
  WriteSeed(seed);

  fmt::print("## Search loop: engine overhead per child\n\n");
  fmt::print("| variants in the archive | children timed | p50 ms | p90 ms | p99 ms |\n|---|---|---|---|---|\n");
  for (size_t size : sizes) {
    auto gaps = Overhead(bench, seed, size, children);
    if (!gaps || gaps->empty()) {
      fmt::print(stderr, "overhead at {}: {}\n", size, gaps ? "no children" : gaps.error().message);
      return 1;
    }
    fmt::print("| {} | {} | {:.2f} | {:.2f} | {:.2f} |\n", size, gaps->size(), Percentile(*gaps, 0.5),
               Percentile(*gaps, 0.9), Percentile(*gaps, 0.99));
    std::fflush(stdout);
  }
  fmt::print("\n## Search loop: worker utilisation (children of {0} ms ± {1} ms)\n\n", child_ms,
             child_ms / 2);
  fmt::print("| mode | workers | children | busy fraction |\n|---|---|---|---|\n");
  for (SearchMode mode : {SearchMode::kAsync, SearchMode::kGenerational}) {
    std::vector<int> counts = {2};
    if (workers != 2) counts.push_back(workers);
    for (int w : counts) {
      auto busy = Utilisation(bench, seed, mode, w, per_worker * w, child_ms);
      if (!busy) {
        fmt::print(stderr, "utilisation: {}\n", busy.error().message);
        return 1;
      }
      fmt::print("| {} | {} | {} | {:.1f}% |\n", mode == SearchMode::kAsync ? "async" : "generational",
                 w, per_worker * w, 100 * *busy);
      std::fflush(stdout);
    }
  }
  return 0;
}

}  // namespace
}  // namespace clade::search

int main(int argc, char** argv) { return clade::search::Main(argc, argv); }
