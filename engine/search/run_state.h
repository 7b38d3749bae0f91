// The run state of a search, kept in the archive (refs/clade/state, state.json) so a run
// can stop at any moment and resume where it was: counters, budget used, the selection
// RNG, and in generational mode the plan of the current iteration (its parents, child
// seeds and donors), drawn once and replayed after a crash so the resumed run makes the
// same children as an uninterrupted one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "archive/variant.h"
#include "support/error.h"

namespace clade::search {

struct PlannedChild {
  archive::VariantId parent = 0;
  uint64_t seed = 0;
  std::vector<archive::VariantId> donors;
  int island = 0;  // the island its parent was drawn from (search.islands; 0 with one)
  // The index in RunConfig::models of the model that makes it (0 without an ensemble).
  int model = 0;
};

struct IterationPlan {
  int64_t iteration = 0;          // 0-based
  archive::VariantId first_id = 0;  // the id the plan's first child gets
  int64_t children_before = 0;      // RunState::children when the plan was drawn
  int64_t failures_before = 0;      // RunState::failures when the plan was drawn
  int64_t tokens_before = 0;        // RunState::tokens when the plan was drawn
  double cost_before = 0;           // RunState::cost when the plan was drawn
  std::vector<PlannedChild> children;
};

struct RunState {
  std::string name;
  std::string benchmark;          // the suite name: the notes ref of the run's records
  nlohmann::json fingerprint;     // RunConfig::Fingerprint() of the run's config
  std::string status = "running";  // running, stopped, finished, failed
  std::string reason;             // why it stopped or finished
  int64_t iterations = 0;         // completed iterations
  int64_t children = 0;           // children recorded, every status
  int64_t failures = 0;           // children that did not evaluate
  int64_t task_evaluations = 0;   // tasks run by children (search.mode: tasks)
  double cpu_seconds = 0;         // of the evaluations' task runs (budget.cpu_time)
  int64_t tokens = 0;             // model tokens spent
  double cost = 0;                // model money spent
  double seconds = 0;             // wall time of all sessions before this one
  int64_t sessions = 0;           // times the run was started or resumed
  std::string rng;                // SaveRng of the selection RNG
  std::optional<IterationPlan> plan;  // generational: the iteration in progress

  nlohmann::json ToJson() const;
  // Error (kUsage) naming the field when `json` is not a run state.
  static Result<RunState> FromJson(const nlohmann::json& json);
};

}  // namespace clade::search
