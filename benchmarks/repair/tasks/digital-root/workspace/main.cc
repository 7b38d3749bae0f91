// `main.cc` reads non-negative integers (up to 10^18), one per line, and prints for each
// its digit sum and its digital root (the digit sum repeated until one digit remains),
// as `sum root`. For 9875: digit sum 29, root 2.
#include <iostream>

unsigned long long digitSum(unsigned long long n) {
  unsigned long long s = 0;
  while (n > 0) {
    s += n / 10;
    n /= 10;
  }
  return s;
}

unsigned long long digitalRoot(unsigned long long n) {
  while (n >= 10) n = digitSum(n);
  return n;
}

int main() {
  unsigned long long n;
  while (std::cin >> n) {
    std::cout << digitSum(n) << " " << digitalRoot(n) << "\n";
  }
  return 0;
}
