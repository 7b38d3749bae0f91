#include "spiral.h"

#include <stdexcept>

namespace {

// Visits the cells of a rows x cols grid in spiral order.
template <typename Visit>
void walk_spiral(int rows, int cols, Visit visit) {
  int top = 0, bottom = rows - 1, left = 0, right = cols - 1;
  while (top <= bottom && left <= right) {
    for (int c = left; c <= right; ++c) visit(top, c);
    for (int r = top + 1; r <= bottom; ++r) visit(r, right);
    if (top < bottom)
      for (int c = right - 1; c >= left; --c) visit(bottom, c);
    if (left < right)
      for (int r = bottom - 1; r > top; --r) visit(r, left);
    ++top, --bottom, ++left, --right;
  }
}

}  // namespace

std::vector<int> spiral_order(const Matrix& m) {
  std::vector<int> out;
  if (m.empty()) return out;
  for (const auto& row : m)
    if (row.size() != m[0].size()) throw std::invalid_argument("spiral_order: ragged matrix");
  walk_spiral(static_cast<int>(m.size()), static_cast<int>(m[0].size()),
              [&](int r, int c) { out.push_back(m[r][c]); });
  return out;
}

Matrix spiral_matrix(int rows, int cols) {
  if (rows < 0 || cols < 0) throw std::invalid_argument("spiral_matrix: negative size");
  if (rows == 0 || cols == 0) return {};
  Matrix m(rows, std::vector<int>(cols));
  int next = 1;
  walk_spiral(rows, cols, [&](int r, int c) { m[r][c] = next++; });
  return m;
}
