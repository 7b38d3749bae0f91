// The random source of selection: an explicitly seeded std::mt19937_64, passed to every
// policy, and the draws the policies make from it. The draws are implemented here rather
// than with <random>'s distributions, whose output differs between standard libraries, so
// a seed gives the same picks with every compiler. Never seeded from std::random_device.
#pragma once

#include <cstddef>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.h"

namespace clade::selection {

using Rng = std::mt19937_64;

// The engine's full state as text (the standard's textual representation: 312 words and
// an index), so a run can save it and continue the same stream after a resume.
std::string SaveRng(const Rng& rng);
// Restores a state written by SaveRng. Error (kUsage) when `state` is not one.
Result<Rng> LoadRng(std::string_view state);

// Uniform in [0, 1), 53 random bits.
double UniformDouble(Rng& rng);
// Uniform in [0, n), unbiased. REQUIRES: n > 0.
size_t UniformIndex(Rng& rng, size_t n);
// Standard normal (Marsaglia's polar method).
double StandardNormal(Rng& rng);
// Gamma(shape, 1) (Marsaglia and Tsang). REQUIRES: shape > 0.
double GammaDraw(Rng& rng, double shape);
// Beta(a, b) as X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b). REQUIRES: a, b > 0.
double BetaDraw(Rng& rng, double a, double b);
// An index i with probability weights[i] / sum(weights).
// REQUIRES: weights non-empty, each finite and >= 0, sum > 0.
size_t WeightedIndex(Rng& rng, const std::vector<double>& weights);

}  // namespace clade::selection
