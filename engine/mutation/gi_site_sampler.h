// Where a GI mutation edits: the random draws of one mutation (Random), and the choice of
// an operator and a site for it (SiteSampler) among the sites of an agent's files
// (gi_sites.h). Internal to engine/mutation (gi_mutator.cc, gi_operators.cc) and Clang-free.
//
// Every draw must be the same wherever a child is derived again, so nothing here depends on
// the standard library's distributions: a uniform choice among n is `rng() % n`.
//
// Thread safety: a Random is one generator, for one thread; a SiteSampler is immutable
// after construction (Draw advances only the Random it is given).
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <utility>
#include <vector>

#include "engine/mutation/gi_mutator.h"
#include "engine/mutation/gi_sites.h"

namespace clade::mutation::gi {

// The random draws of one mutation, in the order they are made: a std::mt19937_64 seeded
// with GiOptions::seed.
class Random {
 public:
  explicit Random(uint64_t seed) : rng_(seed) {}

  // Uniform in [0, n): rng() % n (0 when n is 0, without a draw).
  uint64_t Pick(size_t n) { return n == 0 ? 0 : rng_() % n; }
  // Uniform in [0, 1) from the top 53 bits: the same on every standard library.
  double Uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }

 private:
  std::mt19937_64 rng_;
};

// A place an operator may act: the `index`th site of its kind (a statement, an operator
// token, a literal or a condition, by `op`) of `files[file]`.
struct Site {
  GiOperator op = GiOperator::kConstant;
  size_t file = 0;
  size_t index = 0;
};

class SiteSampler {
 public:
  // The sites of each of `operators` (empty means all of kAllGiOperators; kCrossover has
  // none) across `files`, which the Sites drawn index into. Statements that cannot be
  // moved are sites of kDeleteStatement only.
  SiteSampler(const std::vector<FileSites>& files, const std::vector<GiOperator>& operators);

  // Whether no allowed operator has a site.
  bool empty() const { return usable_.empty(); }

  // An operator uniformly among the allowed ones that have a site (in the order of
  // kAllGiOperators), then one of its sites uniformly (sorted by file, then offset): two
  // draws of `random`. REQUIRES: !empty().
  Site Draw(Random& random) const;

 private:
  // Each allowed operator with a site, and its sites as (file, index).
  std::vector<std::pair<GiOperator, std::vector<std::pair<size_t, size_t>>>> usable_;
};

}  // namespace clade::mutation::gi
