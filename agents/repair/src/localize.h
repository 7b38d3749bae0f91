// Spectrum-based fault localisation: which source lines each visible test executes
// (gcov line coverage), ranked by a suspiciousness formula (strategy.cc's).
#pragma once
#include <string>
#include <vector>

#include "tests.h"

struct RankedLine {
  std::string file;  // relative to the workspace
  int line = 0;      // 1-based
  double susp = 0;   // the formula's value for the line
};

// A line's suspiciousness from how many failing and passing cases executed it, of how
// many failing and passing cases were read (strategy.h, suspiciousness()).
using Suspiciousness = double (*)(int failed_covering, int passed_covering,
                                  int failed_total, int passed_total);

// The program's source files (*.cc, *.cpp, *.h, *.hpp) under `dir`, relative paths,
// skipping build and test directories.
std::vector<std::string> find_sources(const std::string& dir);

// Ranks the lines of `sources`, most suspicious first by `formula`. Uses per-case coverage when the
// test command accepts case names and gcov works (`used_coverage` is set); otherwise every
// statement line gets the same suspiciousness. Failing cases run first; `per_run_limit`
// bounds each run's CPU seconds, and no run starts when `expected_run` CPU seconds would
// pass `deadline` (on the clock of cpu_seconds_used()).
std::vector<RankedLine> localize(const std::string& dir, const std::string& test_cmd,
                                 const TestRun& initial,
                                 const std::vector<std::string>& sources,
                                 double expected_run, double per_run_limit,
                                 double deadline, Suspiciousness formula,
                                 bool& used_coverage);

