// `main.cc` reads `n`, then `n` integers sorted in non-decreasing order, then queries
// `x` until end of input. For each query it prints the 0-based index of the first
// element that is `>= x`, or `n` if every element is smaller (like `std::lower_bound`).
// It uses its own binary search.
#include <iostream>
#include <vector>

int firstAtLeast(const std::vector<long long>& v, long long x) {
  int lo = 0;
  int hi = static_cast<int>(v.size()) - 1;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (v[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> v(n);
  for (auto& x : v) std::cin >> x;
  long long q;
  while (std::cin >> q) std::cout << firstAtLeast(v, q) << "\n";
  return 0;
}
