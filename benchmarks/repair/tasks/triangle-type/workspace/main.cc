// `main.cc` reads lines with three positive integer side lengths and classifies the
// triangle: `equilateral`, `isosceles`, `scalene`, or `not a triangle` when the sides do
// not satisfy the strict triangle inequality (a degenerate triangle such as 1 2 3 is not
// a triangle). Sides may come in any order.
#include <algorithm>
#include <iostream>
#include <string>

std::string classify(long long a, long long b, long long c) {
  long long s[3] = {a, b, c};
  std::sort(s, s + 3);
  if (s[0] <= 0 || s[0] + s[1] < s[2]) return "not a triangle";
  if (s[0] == s[2]) return "equilateral";
  if (s[0] == s[1] || s[1] == s[2]) return "isosceles";
  return "scalene";
}

int main() {
  long long a, b, c;
  while (std::cin >> a >> b >> c) std::cout << classify(a, b, c) << "\n";
  return 0;
}
