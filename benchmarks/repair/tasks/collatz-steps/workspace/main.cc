// `main.cc` reads positive integers (below 10^12) one per line and prints for each the
// number of Collatz steps needed to reach 1 (halve even numbers, map odd `n` to `3n +
// 1`) and the largest value reached on the way, as `steps peak`. For 1 it prints `0 1`.
#include <iostream>

int main() {
  long long n;
  while (std::cin >> n) {
    if (n < 1) continue;
    long long steps = 0;
    long long peak = n;
    while (n != 1) {
      if (n % 2 != 0) {
        n /= 2;
      } else {
        n = 3 * n + 1;
      }
      if (n > peak) peak = n;
      ++steps;
    }
    std::cout << steps << " " << peak << "\n";
  }
  return 0;
}
