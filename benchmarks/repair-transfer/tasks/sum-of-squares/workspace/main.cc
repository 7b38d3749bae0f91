// `main.cc` reads integers `n` (0 <= n <= 2000000), one per line, and prints `1^2 + 2^2
// + ... + n^2` and `(1 + 2 + ... + n)^2 - (1^2 + ... + n^2)` separated by a space. All
// results fit in 64 bits.
#include <iostream>

int main() {
  long long n;
  while (std::cin >> n) {
    if (n < 0) continue;
    long long sumSquares = 0;
    long long sum = 0;
    for (int i = 1; i <= n; ++i) {
      sumSquares += i * i;
      sum += i;
    }
    unsigned long long squareOfSum = static_cast<unsigned long long>(sum) * sum;
    std::cout << sumSquares << " " << squareOfSum - sumSquares << "\n";
  }
  return 0;
}
