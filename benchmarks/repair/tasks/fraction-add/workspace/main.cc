// `main.cc` reads lines `a/b c/d` (integers, denominators non-zero, possibly negative)
// and prints the sum in lowest terms as `p/q` with `q > 0`; a whole number prints
// without the denominator (`3`, `0`, `-2`).
#include <cstdio>
#include <iostream>
#include <numeric>
#include <string>

void printFraction(long long num, long long den) {
  long long g = std::gcd(num, den);
  if (g != 0) {
    num /= g;
    den /= g;
  }
  if (den == 1) {
    std::cout << num << "\n";
  } else {
    std::cout << num << "/" << den << "\n";
  }
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    long long a, b, c, d;
    if (std::sscanf(line.c_str(), "%lld/%lld %lld/%lld", &a, &b, &c, &d) != 4) continue;
    printFraction(a * d + c * b, b * d);
  }
  return 0;
}
