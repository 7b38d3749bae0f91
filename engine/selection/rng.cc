#include "engine/selection/rng.h"

#include <cmath>
#include <limits>
#include <sstream>

namespace clade::selection {

std::string SaveRng(const Rng& rng) {
  std::ostringstream out;
  out << rng;
  return out.str();
}

Result<Rng> LoadRng(std::string_view state) {
  std::istringstream in{std::string(state)};
  Rng rng;
  in >> rng;
  if (in.fail()) {
    return FailAs(ErrorKind::kUsage, "the saved RNG state is not an mt19937_64 state ({} chars)",
                  state.size());
  }
  // Anything but whitespace after the state means it was something else.
  in >> std::ws;
  if (!in.eof()) {
    return FailAs(ErrorKind::kUsage, "the saved RNG state has trailing text after {} words",
                  Rng::state_size);
  }
  return rng;
}

double UniformDouble(Rng& rng) {
  return static_cast<double>(rng() >> 11) * 0x1.0p-53;
}

size_t UniformIndex(Rng& rng, size_t n) {
  // Rejection of the top partial block keeps every index exactly equally likely.
  const uint64_t range = n;
  const uint64_t limit =
      std::numeric_limits<uint64_t>::max() - (std::numeric_limits<uint64_t>::max() % range);
  uint64_t x;
  do {
    x = rng();
  } while (x >= limit);
  return static_cast<size_t>(x % range);
}

double StandardNormal(Rng& rng) {
  double u, v, s;
  do {
    u = 2 * UniformDouble(rng) - 1;
    v = 2 * UniformDouble(rng) - 1;
    s = u * u + v * v;
  } while (s >= 1 || s == 0);
  return u * std::sqrt(-2 * std::log(s) / s);
}

double GammaDraw(Rng& rng, double shape) {
  if (shape < 1) {
    // Gamma(a) = Gamma(a + 1) * U^(1/a).
    double u = UniformDouble(rng);
    return GammaDraw(rng, shape + 1) * std::pow(u, 1 / shape);
  }
  const double d = shape - 1.0 / 3;
  const double c = 1 / std::sqrt(9 * d);
  for (;;) {
    double x, v;
    do {
      x = StandardNormal(rng);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const double u = UniformDouble(rng);
    if (u < 1 - 0.0331 * x * x * x * x) return d * v;
    if (u > 0 && std::log(u) < 0.5 * x * x + d * (1 - v + std::log(v))) return d * v;
  }
}

double BetaDraw(Rng& rng, double a, double b) {
  const double x = GammaDraw(rng, a);
  const double y = GammaDraw(rng, b);
  return x / (x + y);
}

size_t WeightedIndex(Rng& rng, const std::vector<double>& weights) {
  double total = 0;
  for (double w : weights) total += w;
  const double target = UniformDouble(rng) * total;
  double running = 0;
  for (size_t i = 0; i < weights.size(); ++i) {
    running += weights[i];
    if (target < running) return i;
  }
  // Rounding can leave target == total; the last positive weight takes it.
  for (size_t i = weights.size(); i-- > 0;) {
    if (weights[i] > 0) return i;
  }
  return weights.size() - 1;
}

}  // namespace clade::selection
