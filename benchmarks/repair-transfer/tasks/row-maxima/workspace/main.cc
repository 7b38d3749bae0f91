// `main.cc` reads `rows cols` and a matrix of integers (values may be negative) and
// prints, for each row, the largest value of that row and its 0-based column (the first
// one on a tie), as `max at col`.
#include <iostream>
#include <vector>

int main() {
  int rows, cols;
  if (!(std::cin >> rows >> cols) || cols < 1) return 0;
  std::vector<long long> row(cols);
  long long best = 0;
  int at = 0;
  for (int r = 0; r < rows; ++r) {
    for (auto& x : row) std::cin >> x;
    for (int c = 1; c < cols; ++c) {
      if (row[c] > best) {
        best = row[c];
        at = c;
      }
    }
    std::cout << best << " at " << at << "\n";
  }
  return 0;
}
