// `main.cc` reads `n` and then two integer vectors `a` and `b` of length `n`. It prints
// three lines: the dot product `a . b`, the squared Euclidean distance `sum (a[i] -
// b[i])^2`, and the Manhattan distance `sum |a[i] - b[i]|`.
#include <cstdlib>
#include <iostream>
#include <vector>

long long dot(const std::vector<long long>& a, const std::vector<long long>& b) {
  long long s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

long long squaredDistance(const std::vector<long long>& a, const std::vector<long long>& b) {
  long long s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    long long d = a[i] + b[i];
    s += d * d;
  }
  return s;
}

long long manhattan(const std::vector<long long>& a, const std::vector<long long>& b) {
  long long s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += std::llabs(a[i] - b[i]);
  return s;
}

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> a(n), b(n);
  for (auto& x : a) std::cin >> x;
  for (auto& x : b) std::cin >> x;
  std::cout << dot(a, b) << "\n" << squaredDistance(a, b) << "\n" << manhattan(a, b) << "\n";
  return 0;
}
