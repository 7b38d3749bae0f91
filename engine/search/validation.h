// Confirmation before promotion (evaluation.validation; docs/evaluation.md, "Validation").
// A run may hold tasks out of selection: a fraction of its benchmark's tasks, or another
// suite. Selection, the gate and the mutators never see them. A child that beats its
// parent on the selection tasks is then evaluated on the validation tasks, and so is its
// parent (once: records are kept and found again by tree); a paired test across the
// validation tasks (engine/selection/paired_test.h) says whether the child is worse there.
// The child is confirmed unless that test's p_worse is below alpha, and only confirmed
// variants (and the seed) can be the best (archive::BestOf).
//
// Thread safety: plain data and functions of their arguments.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "archive/variant.h"
#include "engine/selection/paired_test.h"
#include "sandbox/suite.h"
#include "support/error.h"

namespace clade::search {

// A benchmark split in two by HoldOut.
struct SplitSuite {
  sandbox::Suite selection;   // the tasks selection sees, named as the benchmark
  sandbox::Suite validation;  // the held-out tasks, named "<benchmark>-validation"
};

// Holds out round(fraction * n) of `suite`'s n tasks, at least 1 and at most n - 1, chosen
// by a hash of each task id with `seed`: the same tasks for the same seed and suite,
// whatever else changes. Both parts keep the suite's order.
// REQUIRES: 0 < fraction < 1. Errors (kUsage): the suite has fewer than two tasks.
Result<SplitSuite> HoldOut(const sandbox::Suite& suite, double fraction, uint64_t seed);

// The content hash of a suite that may be part of its directory: sandbox::SuiteHash of
// the directory and the ids of the suite's tasks. Errors: the directory cannot be read.
Result<std::string> TasksHash(const sandbox::Suite& suite);

// Where a run's validation is evaluated and recorded.
struct ValidationSetup {
  const sandbox::Suite* suite = nullptr;
  std::string suite_hash;
  std::string benchmark;  // the notes ref its records are kept under: suite->name
  double alpha = 0.1;
  selection::PairedTestKind test = selection::PairedTestKind::kSign;
};

// One variant's validation: the "validation" field of its record on the run's benchmark.
struct Validation {
  std::string benchmark;
  size_t tasks = 0;
  double score = 0;  // mean over the validation tasks
  std::optional<archive::VariantId> parent;  // none for the seed
  double parent_score = 0;
  selection::PairedComparison comparison;  // child against parent, task by task
  selection::PairedTestKind test = selection::PairedTestKind::kSign;
  double alpha = 0;
  bool confirmed = false;
  std::string error;  // set when the validation could not run (then not confirmed)

  nlohmann::json ToJson() const;
};

// Compares the validation record of a child (`child`) with its parent's (`parent`; none
// for the seed, which is confirmed by definition): tasks paired by id, a task missing on
// one side scoring 0 there. Confirmed when p_worse >= setup.alpha.
Validation Validate(const nlohmann::json& child, const nlohmann::json* parent,
                    std::optional<archive::VariantId> parent_id, const ValidationSetup& setup);

// A validation that could not run: not confirmed, `error` says why.
Validation FailedValidation(const ValidationSetup& setup, std::string error);

}  // namespace clade::search
