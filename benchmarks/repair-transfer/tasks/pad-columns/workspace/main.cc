// `main.cc` formats a table. Input lines hold whitespace-separated cells. It prints
// every row with the cells of each column right-aligned to the width of that column's
// widest cell, columns separated by ` | `. Rows with fewer cells are padded with empty
// cells.
#include <algorithm>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::size_t columns = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<std::string> cells;
    std::string cell;
    while (in >> cell) cells.push_back(cell);
    columns = std::max(columns, cells.size());
    rows.push_back(cells);
  }
  std::vector<std::size_t> width(columns, 0);
  for (auto& r : rows) {
    r.resize(columns);
    for (std::size_t c = 0; c < columns; ++c) width[c] = std::max(width[c], r[c].size());
  }
  for (const auto& r : rows) {
    std::string out;
    for (std::size_t c = 0; c < columns; ++c) {
      if (c) out += " | ";
      out += std::string(' ', width[c] - r[c].size()) + r[c];
    }
    std::cout << out << "\n";
  }
  return 0;
}
