// The status of a variant's evaluation on a benchmark: the "status" of its evaluation
// record (docs/evaluation.md, "Evaluation status"). One vocabulary for the sandbox that
// decides it, the archive that stores it, the search and selection that act on it, and
// the commands that show it. Text exists only at the archive and JSON boundary:
// EvalStatusName writes it, ParseEvalStatus reads it, and a name it does not know is an
// error, never a silent "other".
#pragma once

#include <string_view>

#include <fmt/format.h>

#include "support/error.h"

namespace clade {

enum class EvalStatus {
  kEvaluated,       // every stage it reached ran; the score is comparable
  kBelowThreshold,  // stopped by a stage threshold or the parent gate: scored, not comparable
  kTampered,        // a build step, an agent run or a mutator's run changed what it must not
  kBuildFailed,     // a build step exited non-zero
  kBuildTimeout,    // a build step ran out of time
  kBuildLimit,      // a build step hit another limit (memory, CPU, processes, a signal)
  kDiskLimit,       // the build filled the slot
  kMutationFailed,  // the mutator made no child (no valid edit): recorded, never built
  kDuplicate,       // the child's source is a variant the archive has (the same tree, or
                    // the same tokens): recorded, never evaluated (docs/search.md)
  kError,           // the infrastructure failed (the sandbox, a model outage)
  // The Slurm executor (docs/cluster.md): a job that ended without writing its result.
  kJobNoResult,
  kJobFailed,
  kJobCancelled,
  kJobTimeout,
  kJobNodeFail,
  kJobOutOfMemory,
  kJobLost,
};

// The record's text for `status` ("evaluated", "below_threshold", "build_failed", ...).
std::string_view EvalStatusName(EvalStatus status);

// The status whose name is `name`. Errors (kFailure): a name no status has.
Result<EvalStatus> ParseEvalStatus(std::string_view name);

// True for the statuses that carry a score from tasks that ran: evaluated and
// below_threshold. Every other status is a failure and scores nothing.
inline bool WasScored(EvalStatus status) {
  return status == EvalStatus::kEvaluated || status == EvalStatus::kBelowThreshold;
}

// True for the statuses a failed build step leaves: build_failed, build_timeout,
// build_limit, disk_limit.
bool IsBuildFailure(EvalStatus status);

}  // namespace clade

// fmt::format("{}", status) writes its name.
template <>
struct fmt::formatter<clade::EvalStatus> : fmt::formatter<std::string_view> {
  auto format(clade::EvalStatus status, fmt::format_context& context) const {
    return fmt::formatter<std::string_view>::format(clade::EvalStatusName(status), context);
  }
};
