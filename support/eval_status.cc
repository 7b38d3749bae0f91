#include "support/eval_status.h"

#include <array>
#include <utility>

namespace clade {

namespace {

constexpr std::array<std::pair<EvalStatus, std::string_view>, 17> kNames = {{
    {EvalStatus::kEvaluated, "evaluated"},
    {EvalStatus::kBelowThreshold, "below_threshold"},
    {EvalStatus::kTampered, "tampered"},
    {EvalStatus::kBuildFailed, "build_failed"},
    {EvalStatus::kBuildTimeout, "build_timeout"},
    {EvalStatus::kBuildLimit, "build_limit"},
    {EvalStatus::kDiskLimit, "disk_limit"},
    {EvalStatus::kMutationFailed, "mutation_failed"},
    {EvalStatus::kDuplicate, "duplicate"},
    {EvalStatus::kError, "error"},
    {EvalStatus::kJobNoResult, "job_no_result"},
    {EvalStatus::kJobFailed, "job_failed"},
    {EvalStatus::kJobCancelled, "job_cancelled"},
    {EvalStatus::kJobTimeout, "job_timeout"},
    {EvalStatus::kJobNodeFail, "job_node_fail"},
    {EvalStatus::kJobOutOfMemory, "job_out_of_memory"},
    {EvalStatus::kJobLost, "job_lost"},
}};

}  // namespace

std::string_view EvalStatusName(EvalStatus status) {
  for (const auto& [value, name] : kNames) {
    if (value == status) return name;
  }
  return "error";  // unreachable: every enumerator is in kNames (tested)
}

Result<EvalStatus> ParseEvalStatus(std::string_view name) {
  for (const auto& [value, text] : kNames) {
    if (text == name) return value;
  }
  return Fail("'{}' is not an evaluation status (docs/evaluation.md)", name);
}

bool IsBuildFailure(EvalStatus status) {
  switch (status) {
    case EvalStatus::kBuildFailed:
    case EvalStatus::kBuildTimeout:
    case EvalStatus::kBuildLimit:
    case EvalStatus::kDiskLimit:
      return true;
    default:
      return false;
  }
}

}  // namespace clade
