// `main.cc` reads two integer matrices, each given as `rows cols` followed by its
// entries row by row, and prints their product `A x B` in the same format (first the
// line `rows cols`). If the inner dimensions differ it prints `dimension mismatch`.
#include <iostream>
#include <vector>

using Matrix = std::vector<std::vector<long long>>;

Matrix readMatrix(std::size_t& rows, std::size_t& cols) {
  std::cin >> rows >> cols;
  Matrix m(rows, std::vector<long long>(cols));
  for (auto& row : m)
    for (auto& x : row) std::cin >> x;
  return m;
}

int main() {
  std::size_t n, m, p, q;
  Matrix a = readMatrix(n, m);
  Matrix b = readMatrix(p, q);
  if (m != p) {
    std::cout << "dimension mismatch\n";
    return 0;
  }
  Matrix c(n, std::vector<long long>(q, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < q; ++j)
      for (std::size_t k = 0; k < n; ++k) c[i][j] += a[i][k] * b[k][j];
  std::cout << n << " " << q << "\n";
  for (const auto& row : c) {
    for (std::size_t j = 0; j < q; ++j) std::cout << (j ? " " : "") << row[j];
    std::cout << "\n";
  }
  return 0;
}
