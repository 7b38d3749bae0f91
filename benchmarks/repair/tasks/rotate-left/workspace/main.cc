// `main.cc` reads `n k` and `n` integers, rotates the array left by `k` positions (the
// element at index `k mod n` becomes the first) and prints the result on one line,
// separated by spaces. `k` may be larger than `n`; `n` is at least 1.
#include <iostream>
#include <vector>

std::vector<int> rotateLeft(const std::vector<int>& v, long long k) {
  int n = static_cast<int>(v.size());
  std::vector<int> out(n);
  int shift = static_cast<int>(k % n);
  for (int i = 0; i < n; ++i) {
    out[i] = v[(i + shift + 1) % n];
  }
  return out;
}

int main() {
  int n;
  long long k;
  std::cin >> n >> k;
  std::vector<int> v(n);
  for (auto& x : v) std::cin >> x;
  std::vector<int> r = rotateLeft(v, k);
  for (int i = 0; i < n; ++i) {
    if (i) std::cout << " ";
    std::cout << r[i];
  }
  std::cout << "\n";
  return 0;
}
