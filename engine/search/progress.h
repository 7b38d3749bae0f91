// What a running search tells its user. On a terminal: a live status line (iteration, in
// flight, evaluated, best, archive size, failures, budget, estimated time left) with one
// line per finished child above it. Elsewhere (a log file, CI): one plain line per child
// (with the best so far, the budget spent and the time left) and nothing else, so logs
// stay readable.
//
// Thread safety: called from the loop's thread only.
#pragma once

#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>

#include "support/eval_status.h"

namespace clade::search {

struct ProgressSnapshot {
  int64_t iteration = 0;  // iterations completed
  int in_flight = 0;
  int64_t evaluated = 0;  // children that built and were scored (this run)
  int64_t failures = 0;   // children that did not
  std::optional<int> best;
  std::optional<double> best_score;
  size_t archive_size = 0;
  std::string budget;  // BudgetUsage
  std::optional<double> eta_seconds;  // EstimatedSecondsLeft: the wall time still needed
};

struct ChildEvent {
  int id = 0;
  int parent = 0;
  int64_t iteration = 0;
  EvalStatus status = EvalStatus::kEvaluated;
  std::optional<double> score;
  std::string summary;  // the mutation's
  double seconds = 0;   // mutation plus evaluation
  bool cached = false;  // its tree had been evaluated before
};

class Progress {
 public:
  virtual ~Progress() = default;
  virtual void Status(const ProgressSnapshot& snapshot) = 0;
  virtual void Child(const ChildEvent& child, const ProgressSnapshot& snapshot) = 0;
  virtual void Note(const std::string& line) = 0;  // a message for the user
  virtual void Done() = 0;                           // clears the status line
};

// A status line on `out` when `terminal`, else plain lines.
std::unique_ptr<Progress> MakeProgress(std::FILE* out, bool terminal);

}  // namespace clade::search
