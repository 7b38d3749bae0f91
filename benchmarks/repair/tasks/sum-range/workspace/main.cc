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
