// `main.cc` reads grid sizes `rows cols` (each up to 10^6), one per line, and prints the
// number of cells of each grid, then `sum S`, the cells of all grids together.
#include <iostream>

int main() {
  long long rows, cols, sum = 0;
  while (std::cin >> rows >> cols) {
    int cells = rows * cols;
    std::cout << cells << "\n";
    sum += cells;
  }
  std::cout << "sum " << sum << "\n";
  return 0;
}
