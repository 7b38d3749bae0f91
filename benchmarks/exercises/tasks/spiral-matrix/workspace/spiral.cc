#include "spiral.h"

std::vector<int> spiral_order(const Matrix& m) {
  std::vector<int> out;
  for (const auto& row : m) out.insert(out.end(), row.begin(), row.end());
  return out;
}

Matrix spiral_matrix(int rows, int cols) {
  (void)rows;
  (void)cols;
  return {};
}
