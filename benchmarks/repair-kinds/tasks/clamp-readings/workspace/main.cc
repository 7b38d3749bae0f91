// `main.cc` reads a first line `lo hi` and then one integer reading per line, and prints
// each reading clamped to the range `[lo, hi]`: readings below `lo` print as `lo`,
// readings above `hi` as `hi`, the others unchanged. The last line is `clamped N`, the
// number of readings that were changed.
#include <iostream>

long long clampTo(long long x, long long lo, long long hi) {
  if (x < lo) return lo;
  if (x > hi) return hi;
  return x;
}

int main() {
  long long lo, hi;
  if (!(std::cin >> lo >> hi)) return 0;
  long long x;
  int changed = 0;
  while (std::cin >> x) {
    long long y = clampTo(x, hi, lo);
    if (y != x) ++changed;
    std::cout << y << "\n";
  }
  std::cout << "clamped " << changed << "\n";
  return 0;
}
