#include "intervals.h"

#include <algorithm>
#include <stdexcept>

std::vector<Interval> merge_intervals(std::vector<Interval> v) {
  for (const Interval& i : v)
    if (i.lo > i.hi) throw std::invalid_argument("merge_intervals: lo > hi");
  std::sort(v.begin(), v.end(), [](const Interval& a, const Interval& b) { return a.lo < b.lo; });
  std::vector<Interval> out;
  for (const Interval& i : v) {
    // Touching means i.lo == hi + 1; compare in long long so INT_MAX does not overflow.
    if (!out.empty() && static_cast<long long>(i.lo) <= static_cast<long long>(out.back().hi) + 1)
      out.back().hi = std::max(out.back().hi, i.hi);
    else
      out.push_back(i);
  }
  return out;
}

std::vector<Interval> remove_interval(const std::vector<Interval>& v, Interval cut) {
  std::vector<Interval> out;
  for (const Interval& i : merge_intervals(v)) {
    if (cut.lo > cut.hi || i.hi < cut.lo || i.lo > cut.hi) {
      out.push_back(i);
      continue;
    }
    if (i.lo < cut.lo) out.push_back({i.lo, cut.lo - 1});
    if (i.hi > cut.hi) out.push_back({cut.hi + 1, i.hi});
  }
  return out;
}
