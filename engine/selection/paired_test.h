// Paired comparisons across tasks: is a child worse than its parent on the same tasks?
// Scores are paired by index (task i of the child against task i of the parent) and the
// answer is a one-sided p-value of "the child is worse": small means evidence that it is.
//   sign:     ties dropped; with n = better + worse, p_worse = P(X <= better) for
//             X ~ Binomial(n, 1/2), exact (log-space sum, stable for thousands of tasks).
//   wilcoxon: the signed-rank test. Zero differences dropped (Wilcoxon's convention), the
//             absolute differences ranked with average ranks for ties, W+ = the sum of the
//             ranks of the positive differences, p_worse = P(W+ <= observed W+) under H0.
//             For n <= 50 nonzero differences it is exact, with or without tied ranks: the
//             permutation distribution of W+ over the n ranks actually present, by dynamic
//             programming over doubled ranks (so half-ranks stay integers). For n > 50 it is
//             the normal approximation with the tie correction of the variance,
//             sum(t^3 - t) / 48 over groups of t tied |differences|, and a continuity
//             correction of 1/2: z = (W+ - n(n+1)/4 + 1/2) / sigma, p_worse = Phi(z)
//             (R's wilcox.test(alternative = "less", correct = TRUE)).
// A difference child - parent counts as zero when |d| <= 1e-9 (kTieTolerance), and two
// absolute differences as tied when they differ by at most that much, so scores computed
// by different arithmetic (0.7 - 0.4 against 0.4 - 0.1) still tie. Pure functions, no RNG.
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

namespace clade::selection {

enum class PairedTestKind { kSign, kWilcoxon };

// "sign" or "wilcoxon"; nullopt for anything else (case-sensitive).
std::optional<PairedTestKind> ParsePairedTestKind(std::string_view name);
// The name ParsePairedTestKind reads back.
std::string_view PairedTestName(PairedTestKind kind);

// The difference below which child and parent count as tied on a task.
inline constexpr double kTieTolerance = 1e-9;

struct PairedComparison {
  size_t tasks = 0;            // pairs compared
  size_t better = 0;           // child > parent (difference > kTieTolerance)
  size_t worse = 0;            // child < parent (difference < -kTieTolerance)
  size_t ties = 0;             // the rest
  double mean_difference = 0;  // mean of child - parent over all pairs (0 when none)
  double p_worse = 1;          // one-sided p-value of "the child is worse"; 1 when no
                               // pair differs
};

// REQUIRES: child.size() == parent.size(), every score finite (scores are typically in
// [0, 1]). Swapping child and parent gives the p-value of the other side.
PairedComparison ComparePaired(const std::vector<double>& child, const std::vector<double>& parent,
                               PairedTestKind kind);

// The two tests on their own, for callers that already hold the counts or differences.
// P(X <= better) for X ~ Binomial(better + worse, 1/2); 1 when better + worse == 0.
double SignTestPWorse(size_t better, size_t worse);
// p_worse of the signed-rank test on differences child - parent, as described above.
double WilcoxonPWorse(const std::vector<double>& differences);

}  // namespace clade::selection
