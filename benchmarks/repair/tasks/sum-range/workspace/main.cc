// `main.cc` reads pairs of integers `a b` (one pair per line, until end of input) and
// prints, for each pair, the sum of all integers from `a` to `b` inclusive. If `a > b`
// the range is empty and the sum is 0. Values fit in 32 bits, sums in 64 bits.
#include <iostream>

// Sum of the integers a, a+1, ..., b (0 when the range is empty).
long long rangeSum(long long a, long long b) {
  long long total = 0;
  for (long long i = a; i < b; ++i) {
    total += i;
  }
  return total;
}

int main() {
  long long a, b;
  while (std::cin >> a >> b) {
    std::cout << rangeSum(a, b) << "\n";
  }
  return 0;
}
