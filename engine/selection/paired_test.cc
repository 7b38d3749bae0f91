#include "engine/selection/paired_test.h"

#include <algorithm>
#include <cassert>
#include <cmath>
#include <numeric>

namespace clade::selection {
namespace {

// Above this many nonzero differences the signed-rank test uses the normal approximation.
constexpr size_t kWilcoxonExactMax = 50;

double LogChoose(double n, double k) {
  return std::lgamma(n + 1) - std::lgamma(k + 1) - std::lgamma(n - k + 1);
}

// Standard normal CDF.
double NormalCdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}

// The signed-rank statistic with doubled ranks (average ranks of tied groups stay integers).
struct SignedRanks {
  std::vector<size_t> doubled_ranks;  // one per nonzero difference
  size_t doubled_w_plus = 0;          // 2 * W+
  double tie_term = 0;                // sum of t^3 - t over groups of t tied |differences|
};

SignedRanks RankDifferences(const std::vector<double>& differences) {
  std::vector<double> nonzero;
  for (double d : differences) {
    if (std::abs(d) > kTieTolerance) nonzero.push_back(d);
  }
  std::sort(nonzero.begin(), nonzero.end(),
            [](double a, double b) { return std::abs(a) < std::abs(b); });
  SignedRanks ranks;
  for (size_t start = 0; start < nonzero.size();) {
    size_t end = start + 1;  // one past the group tied with nonzero[start]
    while (end < nonzero.size() &&
           std::abs(nonzero[end]) - std::abs(nonzero[start]) <= kTieTolerance) {
      ++end;
    }
    const size_t doubled = start + end + 1;  // (start + 1) + end: first and last rank
    for (size_t i = start; i < end; ++i) {
      ranks.doubled_ranks.push_back(doubled);
      if (nonzero[i] > 0) ranks.doubled_w_plus += doubled;
    }
    const double t = static_cast<double>(end - start);
    ranks.tie_term += t * t * t - t;
    start = end;
  }
  return ranks;
}

// P(2W+ <= observed) over the 2^n equally likely sign assignments. Every probability is a
// multiple of 2^-n below 1, so for n <= 50 the sums are exact in a double.
double ExactLowerTail(const SignedRanks& ranks) {
  const size_t total =
      std::accumulate(ranks.doubled_ranks.begin(), ranks.doubled_ranks.end(), size_t{0});
  std::vector<double> dist(total + 1, 0.0);
  dist[0] = 1;
  for (size_t r : ranks.doubled_ranks) {
    for (size_t s = total; s >= r; --s) dist[s] = 0.5 * (dist[s] + dist[s - r]);
    for (size_t s = 0; s < r && s <= total; ++s) dist[s] *= 0.5;
  }
  double p = 0;
  for (size_t s = 0; s <= ranks.doubled_w_plus; ++s) p += dist[s];
  return p;
}

double NormalLowerTail(const SignedRanks& ranks) {
  const double n = static_cast<double>(ranks.doubled_ranks.size());
  const double mean = n * (n + 1) / 4;
  const double variance = n * (n + 1) * (2 * n + 1) / 24 - ranks.tie_term / 48;
  const double w_plus = static_cast<double>(ranks.doubled_w_plus) / 2;
  return NormalCdf((w_plus - mean + 0.5) / std::sqrt(variance));
}

}  // namespace

std::optional<PairedTestKind> ParsePairedTestKind(std::string_view name) {
  if (name == "sign") return PairedTestKind::kSign;
  if (name == "wilcoxon") return PairedTestKind::kWilcoxon;
  return std::nullopt;
}

std::string_view PairedTestName(PairedTestKind kind) {
  switch (kind) {
    case PairedTestKind::kSign:
      return "sign";
    case PairedTestKind::kWilcoxon:
      return "wilcoxon";
  }
  return "sign";
}

double SignTestPWorse(size_t better, size_t worse) {
  const size_t n = better + worse;
  if (better >= n) return 1;  // also n == 0
  // Sum the binomial terms in log space, scaled by the largest so none underflows to 0.
  const double log_half_n = -static_cast<double>(n) * std::log(2.0);
  std::vector<double> logs;
  for (size_t k = 0; k <= better; ++k) logs.push_back(LogChoose(n, k) + log_half_n);
  const double top = *std::max_element(logs.begin(), logs.end());
  double sum = 0;
  for (double l : logs) sum += std::exp(l - top);
  return std::min(1.0, std::exp(top + std::log(sum)));
}

double WilcoxonPWorse(const std::vector<double>& differences) {
  const SignedRanks ranks = RankDifferences(differences);
  if (ranks.doubled_ranks.empty()) return 1;
  const double p = ranks.doubled_ranks.size() <= kWilcoxonExactMax ? ExactLowerTail(ranks)
                                                                   : NormalLowerTail(ranks);
  return std::clamp(p, 0.0, 1.0);
}

PairedComparison ComparePaired(const std::vector<double>& child, const std::vector<double>& parent,
                               PairedTestKind kind) {
  assert(child.size() == parent.size());
  PairedComparison out;
  out.tasks = std::min(child.size(), parent.size());
  std::vector<double> differences;
  double sum = 0;
  for (size_t i = 0; i < out.tasks; ++i) {
    const double d = child[i] - parent[i];
    differences.push_back(d);
    sum += d;
    if (d > kTieTolerance) {
      ++out.better;
    } else if (d < -kTieTolerance) {
      ++out.worse;
    } else {
      ++out.ties;
    }
  }
  if (out.tasks > 0) out.mean_difference = sum / static_cast<double>(out.tasks);
  out.p_worse = kind == PairedTestKind::kSign ? SignTestPWorse(out.better, out.worse)
                                              : WilcoxonPWorse(differences);
  return out;
}

}  // namespace clade::selection
