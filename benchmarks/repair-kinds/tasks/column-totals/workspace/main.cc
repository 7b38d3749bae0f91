// `main.cc` reads rows of integers (all rows have the same number of columns) and prints
// the total of each column on one line, separated by spaces, and then `rows R`. With no
// rows it prints only `rows 0`.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::vector<long long> totals;
  std::string line;
  long long rows = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<long long> row;
    long long x;
    while (in >> x) row.push_back(x);
    if (row.empty()) continue;
    if (totals.empty()) totals.assign(row.size(), 0);
    for (std::size_t col = 0; col < row.size() && col < totals.size(); ++col) {
      totals[col] += row[rows];
    }
    ++rows;
  }
  for (std::size_t i = 0; i < totals.size(); ++i) std::cout << (i ? " " : "") << totals[i];
  if (!totals.empty()) std::cout << "\n";
  std::cout << "rows " << rows << "\n";
  return 0;
}
