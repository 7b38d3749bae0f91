// `main.cc` reads `n` and an `n x n` integer matrix and prints it rotated 90 degrees
// clockwise (the first column, read bottom to top, becomes the first row). It rotates in
// place: transpose, then reverse each row.
#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

void rotateClockwise(std::vector<std::vector<long long>>& m) {
  std::size_t n = m.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) std::swap(m[i][j], m[j][i]);
}

int main() {
  std::size_t n;
  if (!(std::cin >> n)) return 0;
  std::vector<std::vector<long long>> m(n, std::vector<long long>(n));
  for (auto& row : m)
    for (auto& x : row) std::cin >> x;
  rotateClockwise(m);
  for (const auto& row : m) {
    for (std::size_t j = 0; j < n; ++j) {
      if (j) std::cout << " ";
      std::cout << row[j];
    }
    std::cout << "\n";
  }
  return 0;
}
