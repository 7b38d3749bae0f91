// Walking and filling matrices in clockwise spiral order.
#pragma once

#include <vector>

using Matrix = std::vector<std::vector<int>>;  // rows

// Throws std::invalid_argument if the rows differ in length.
std::vector<int> spiral_order(const Matrix& m);

// 1..rows*cols in spiral order; {} if rows or cols is 0; throws on negative sizes.
Matrix spiral_matrix(int rows, int cols);
