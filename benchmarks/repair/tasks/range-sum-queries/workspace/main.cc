// `main.cc` reads `n q`, then `n` integers `a[1..n]`, then `q` queries `l r` (1-based,
// `1 <= l <= r <= n`). For each query it prints `a[l] + ... + a[r]`, using prefix sums.
#include <iostream>
#include <vector>

int main() {
  int n, q;
  std::cin >> n >> q;
  std::vector<long long> prefix(n + 1, 0);
  for (int i = 1; i <= n; ++i) {
    long long x;
    std::cin >> x;
    prefix[i] = prefix[i - 1] + x;
  }
  while (q-- > 0) {
    int l, r;
    std::cin >> l >> r;
    std::cout << prefix[r] - prefix[l] << "\n";
  }
  return 0;
}
