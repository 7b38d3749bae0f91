// A real archive with the shapes a report must draw, built with the archive library: a
// seed and `children` children on benchmark "repair", among them evaluated ones (scores
// rising with noise), failures (build_failed with a build log, timeout, mutation_failed),
// unevaluated ones, a crossover, a pruned variant, an llm-style child with its prompt and
// response stored as logs, a child without any mutation trailer, and one whose diff is
// larger than the report's default cap. Used by the tests and by perf/report_bench.
#pragma once

#include <filesystem>
#include <string>

namespace clade::report_test {

struct SampleArchive {
  std::filesystem::path path;
  int variants = 0;       // seed included
  int best = 0;           // the evaluated variant with the highest score
  int crossover = 0;      // a child with two parents
  int pruned = 0;         // a pruned variant
  int llm = 0;            // a child with mutation/prompt.md and mutation/response.md logs
  int build_failed = 0;   // a child with status build_failed and a build.log
  int untagged = 0;       // a child with no Clade-Mutator, Clade-Edit or record mutation
  int big_diff = 0;       // a child whose diff against its parent is over 20 KiB
  std::string best_line;  // a line the best variant's diff adds ("+...")
};

// Builds the archive at `path` (which must not exist). Deterministic for a given count.
// REQUIRES: children >= 20. Throws std::runtime_error on any archive error.
SampleArchive BuildSampleArchive(const std::filesystem::path& path, int children);

}  // namespace clade::report_test
