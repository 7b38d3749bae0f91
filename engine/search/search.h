// The search loop (docs/search.md): select parents, mutate, build and evaluate the
// children in parallel workers, add each child to the archive with its record, prune,
// repeat until a budget is spent. Two modes:
//   generational: each iteration draws its parents and child seeds at once (the plan,
//     saved in the run state), runs them on the workers, adds the children in plan order,
//     and prunes at the barrier. Deterministic for a seed: a run killed at any moment and
//     resumed makes the same children, ids and records as one that never stopped.
//   async: a worker that finishes starts the next child at once (HGM, ShinkaEvolve);
//     children get ids in the order they finish.
// Failures belong to the search: a mutation with no valid edit, a failed build, a timeout
// or a model outage becomes a recorded child with that status. Only repeated
// infrastructure failures, or an archive that cannot be written, stop the run.
//
// Thread safety: RunSearch uses the archive from the calling thread only; mutators and
// the executor run on its worker threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include "archive/archive.h"
#include "engine/executor/executor.h"
#include "engine/mutation/mutator.h"
#include "engine/search/progress.h"
#include "engine/search/run_config.h"
#include "engine/search/run_state.h"
#include "engine/search/validation.h"
#include "sandbox/suite.h"
#include "support/error.h"

namespace clade::search {

using executor::EvalJob;
using executor::Executor;

// What stop signals mean: kRun goes on; kFinish starts nothing new, finishes what is in
// flight and saves; kAbandon returns at once (in-flight children are lost; the state saved
// after the last recorded child stands).
enum StopRequest : int { kRun = 0, kFinish = 1, kAbandon = 2 };

struct SearchContext {
  archive::Archive* archive = nullptr;  // writable; variant 0 is the seed
  const RunConfig* config = nullptr;
  const sandbox::Suite* suite = nullptr;
  std::string suite_hash;  // sandbox::SuiteHash(*suite), TasksHash when tasks are held out
  const ValidationSetup* validation = nullptr;  // evaluation.validation; null: none
  // The mutator of each model of RunConfig::models, in order, or the one mutator (gi).
  // REQUIRES: not empty; all of the same kind (their name() is the run's mutator).
  std::vector<const mutation::Mutator*> mutators;
  Executor* executor = nullptr;
  Progress* progress = nullptr;
  std::filesystem::path scratch;           // a private directory for this session
  const std::atomic<int>* stop = nullptr;  // a StopRequest, set from a signal handler
};

// How a session of the search ended: a budget is spent (or nothing is left to do), a
// signal asked it to finish what was in flight, or to stop at once, or it failed.
enum class RunEnd { kFinished, kStopped, kAbandoned, kFailed };

// "finished", "stopped", "abandoned", "failed": the run state's and `clade run --json`'s
// text for `end`.
std::string_view RunEndName(RunEnd end);

struct SearchSummary {
  RunEnd end = RunEnd::kFinished;
  std::string reason;    // which budget, which signal, which failure
  int64_t children = 0;  // recorded in this session
  int64_t failures = 0;  // of them, not evaluated
  RunState state;        // as saved last
  std::optional<double> seed_score;
  std::optional<archive::VariantId> best;
  std::optional<double> best_score;
  // With evaluation.validation: the record summaries of the seed and the best (their
  // validation scores and p-values), and how many children that beat their parent were
  // confirmed and how many were not.
  archive::RecordSummary seed_summary;
  archive::RecordSummary best_summary;
  int64_t confirmed = 0;
  int64_t not_confirmed = 0;
  double worker_busy_fraction = 0;  // of the workers' wall time, spent on children
};

// Runs (or resumes) the search whose state is in the archive; starts a new one when the
// archive has no run state. Evaluates the seed first if it has no record.
// REQUIRES: every pointer of `context` set; the caller has checked a resumed run's
// config (FingerprintChange).
// Errors: the seed does not build or score, the archive cannot be written, the state is
// damaged.
Result<SearchSummary> RunSearch(const SearchContext& context);

}  // namespace clade::search
