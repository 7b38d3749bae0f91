// Reading a hidden test's result into a task score in [0, 1] (docs/benchmarks.md,
// docs/evaluation.md).
#pragma once

#include <filesystem>
#include <string_view>

#include "support/error.h"

namespace clade::sandbox {

struct TestTally {
  int passed = 0;
  int failed = 0;
  double score() const { return passed + failed == 0 ? 0.0 : double(passed) / (passed + failed); }
};

// The last line of `output` that reads "N passed, N failed" (optionally after a word and
// a colon, optionally followed by ", N skipped"). Error if there is none.
Result<TestTally> ParseSummary(std::string_view output);

// Counts <testcase> elements of a JUnit XML report and those with <failure> or <error>.
// The report is `report` (relative) beneath `workspace`, read without following a symlink
// (support/beneath.h): a report that is a link, or lies behind one, is no result.
Result<TestTally> ParseJunit(const std::filesystem::path& workspace,
                             const std::filesystem::path& report);

}  // namespace clade::sandbox
