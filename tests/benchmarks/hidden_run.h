// The hidden test of a benchmark task, run on a workspace the way clade scores it
// (sandbox/hidden_test.h), for the suite validators.
#pragma once

#include <filesystem>

#include "sandbox/hidden_test.h"
#include "sandbox/suite.h"

namespace clade::benchmarks_test {

// Scores `workspace` with `task`'s hidden test; scratch space in a temporary directory.
// Throws if the sandbox cannot run.
sandbox::HiddenTestResult RunHidden(const sandbox::Task& task,
                                    const std::filesystem::path& workspace);

}  // namespace clade::benchmarks_test
