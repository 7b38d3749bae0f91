// `main.cc` reads parking durations in minutes (non-negative integers, one per line) and
// prints the fee in euros for each. The first 30 minutes are free. Otherwise every
// started hour of the whole stay costs 2 euros, with at most 20 euros per started 24
// hours (a stay of 25 hours counts as two days: 20 for the first day and the hourly
// rate, capped again, for the rest).
#include <algorithm>
#include <iostream>

long long startedUnits(long long minutes, long long unit) {
  return (minutes + unit) / unit;
}

long long fee(long long minutes) {
  if (minutes <= 30) return 0;
  const long long day = 24 * 60;
  long long fullDays = minutes / day;
  long long rest = minutes % day;
  long long total = fullDays * 20;
  total += std::min<long long>(20, 2 * startedUnits(rest, 60));
  return total;
}

int main() {
  long long m;
  while (std::cin >> m) std::cout << fee(m) << "\n";
  return 0;
}
