// Unions and differences of closed integer intervals.
#pragma once

#include <vector>

struct Interval {
  int lo;
  int hi;  // included; lo <= hi
  bool operator==(const Interval& o) const { return lo == o.lo && hi == o.hi; }
};

// Disjoint, sorted, with touching intervals ({1,3},{4,6}) merged.
// Throws std::invalid_argument if some lo > hi.
std::vector<Interval> merge_intervals(std::vector<Interval> v);

// The integers of v that are not in cut, as merged intervals.
std::vector<Interval> remove_interval(const std::vector<Interval>& v, Interval cut);
