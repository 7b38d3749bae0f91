// `main.cc` reads non-negative integers (below 2^63), one per line, and prints the
// length of the longest binary gap of each: the longest run of zeros bounded by ones on
// both sides in its binary form. `9` (1001) -> 2, `20` (10100) -> 1, `32` (100000) -> 0,
// `0` -> 0.
#include <iostream>

int longestGap(unsigned long long n) {
  // Drop the trailing zeros: they have no one on their right.
  int best = 0;
  int run = 0;
  while (n != 0) {
    if (n & 1) {
      if (run > best) best = run;
      run = 0;
    } else {
      ++run;
    }
    n >>= 1;
  }
  return best;
}

int main() {
  unsigned long long n;
  while (std::cin >> n) std::cout << longestGap(n) << "\n";
  return 0;
}
