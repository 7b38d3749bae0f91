#include "support/eval_status.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

namespace clade {
namespace {

constexpr EvalStatus kAll[] = {
    EvalStatus::kEvaluated,   EvalStatus::kBelowThreshold, EvalStatus::kTampered,
    EvalStatus::kBuildFailed, EvalStatus::kBuildTimeout,   EvalStatus::kBuildLimit,
    EvalStatus::kDiskLimit,   EvalStatus::kMutationFailed, EvalStatus::kError,
    EvalStatus::kJobNoResult, EvalStatus::kJobFailed,      EvalStatus::kJobCancelled,
    EvalStatus::kJobTimeout,  EvalStatus::kJobNodeFail,    EvalStatus::kJobOutOfMemory,
    EvalStatus::kJobLost,     EvalStatus::kDuplicate,
};

TEST_CASE("Every evaluation status has its own name and reads back from it") {
  std::set<std::string> names;
  for (EvalStatus status : kAll) {
    std::string name(EvalStatusName(status));
    CHECK(names.insert(name).second);
    CHECK(ParseEvalStatus(name).value() == status);
    CHECK(fmt::format("{}", status) == name);
  }
  CHECK(EvalStatusName(EvalStatus::kBelowThreshold) == "below_threshold");
  CHECK(EvalStatusName(EvalStatus::kJobOutOfMemory) == "job_out_of_memory");
}

TEST_CASE("A name that is no evaluation status is an error that quotes it") {
  for (const char* name : {"timeout", "Evaluated", "", "ok", "not_evaluated", "solved"}) {
    auto parsed = ParseEvalStatus(name);
    REQUIRE_FALSE(parsed);
    CHECK_THAT(parsed.error().message,
               Catch::Contains(fmt::format("'{}' is not an evaluation status", name)));
  }
}

TEST_CASE("Only evaluated and below_threshold carry a score, and build failures are named") {
  for (EvalStatus status : kAll) {
    bool scored = status == EvalStatus::kEvaluated || status == EvalStatus::kBelowThreshold;
    CHECK(WasScored(status) == scored);
  }
  CHECK(IsBuildFailure(EvalStatus::kBuildTimeout));
  CHECK(IsBuildFailure(EvalStatus::kDiskLimit));
  CHECK_FALSE(IsBuildFailure(EvalStatus::kTampered));
  CHECK_FALSE(IsBuildFailure(EvalStatus::kJobFailed));
}

}  // namespace
}  // namespace clade
