// `main.cc` reads `n k` followed by `n` integers, and prints the average of every window
// of `k` consecutive values, in order, one per line with two decimals. There are `n - k
// + 1` windows when `k <= n`, and none otherwise (then it prints nothing).
#include <cstdio>
#include <iostream>
#include <vector>

int main() {
  int n, k;
  if (!(std::cin >> n >> k)) return 0;
  std::vector<long long> v(n);
  for (auto& x : v) std::cin >> x;
  if (k <= 0 || k > n) return 0;
  long long window = 0;
  for (int i = 0; i < k; ++i) window += v[i];
  std::printf("%.2f\n", static_cast<double>(window) / k);
  for (int i = k; i < n; ++i) {
    window += v[i] - v[i - k + 1];
    std::printf("%.2f\n", static_cast<double>(window) / k);
  }
  return 0;
}
