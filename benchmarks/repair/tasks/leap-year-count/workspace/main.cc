// `main.cc` reads pairs of years `a b` (1 <= a <= b <= 100000), one pair per line, and
// prints how many leap years there are from `a` to `b` inclusive, by the Gregorian rule:
// divisible by 4, except centuries, which are leap only when divisible by 400 (1900 is
// not a leap year, 2000 is).
#include <iostream>

bool isLeap(long y) {
  return (y % 4 == 0 && y % 100 != 0) && y % 400 == 0;
}

long countLeap(long a, long b) {
  long count = 0;
  for (long y = a; y <= b; ++y) {
    if (isLeap(y)) ++count;
  }
  return count;
}

int main() {
  long a, b;
  while (std::cin >> a >> b) {
    std::cout << countLeap(a, b) << "\n";
  }
  return 0;
}
