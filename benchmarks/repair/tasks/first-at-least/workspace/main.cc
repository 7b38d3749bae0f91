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
