// Spectrum-based fault localisation: which source lines each visible test executes
// (gcov line coverage), ranked by Ochiai suspiciousness.
#pragma once
#include <string>
#include <vector>

#include "tests.h"

struct RankedLine {
  std::string file;  // relative to the workspace
  int line = 0;      // 1-based
  double susp = 0;   // Ochiai: failed(l) / sqrt(total_failed * (failed(l) + passed(l)))
};

// The program's source files (*.cc, *.cpp, *.h, *.hpp) under `dir`, relative paths,
// skipping build and test directories.
std::vector<std::string> find_sources(const std::string& dir);

// Ranks the lines of `sources`, most suspicious first. Uses per-case coverage when the
// test command accepts case names and gcov works (`used_coverage` is set); otherwise every
// statement line gets the same suspiciousness. Failing cases run first; `per_run_limit`
// bounds each run's CPU seconds, and no run starts when `expected_run` CPU seconds would
// pass `deadline` (on the clock of cpu_seconds_used()).
std::vector<RankedLine> localize(const std::string& dir, const std::string& test_cmd,
                                 const TestRun& initial,
                                 const std::vector<std::string>& sources,
                                 double expected_run, double per_run_limit,
                                 double deadline,
                                 bool& used_coverage);

