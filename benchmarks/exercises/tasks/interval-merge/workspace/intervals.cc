#include "intervals.h"

std::vector<Interval> merge_intervals(std::vector<Interval> v) { return v; }

std::vector<Interval> remove_interval(const std::vector<Interval>& v, Interval cut) {
  (void)cut;
  return v;
}
