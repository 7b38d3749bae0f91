// `main.cc` reads lines `rows cols` and prints a multiplication table with `rows` rows
// and `cols` columns: the entry in row `i`, column `j` (both 1-based) is `i * j`, each
// entry right-aligned in a field as wide as the largest entry plus one space. A blank
// line follows each table.
#include <iostream>
#include <string>

void table(int rows, int cols) {
  int width = static_cast<int>(std::to_string(rows * cols).size()) + 1;
  for (int i = 1; i <= rows; ++i) {
    std::string line;
    for (int j = 1; j <= rows; ++j) {
      std::string cell = std::to_string(i * j);
      line += std::string(width - cell.size(), ' ') + cell;
    }
    std::cout << line << "\n";
  }
  std::cout << "\n";
}

int main() {
  int rows, cols;
  while (std::cin >> rows >> cols) {
    if (rows < 1 || cols < 1) continue;
    table(rows, cols);
  }
  return 0;
}
