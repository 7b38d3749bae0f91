// `main.cc` reads integers `n` (0 <= n <= 60), one per line, and for each prints row `n`
// of Pascal's triangle: the `n + 1` binomial coefficients C(n,0) ... C(n,n), separated
// by spaces. Row 0 is `1`.
#include <iostream>
#include <vector>

std::vector<unsigned long long> pascalRow(int n) {
  std::vector<unsigned long long> row(n + 1, 0);
  row[0] = 1;
  for (int i = 1; i <= n; ++i) {
    for (int j = i; j > 1; --j) {
      row[j] += row[j - 1];
    }
  }
  return row;
}

int main() {
  int n;
  while (std::cin >> n) {
    std::vector<unsigned long long> row = pascalRow(n);
    for (std::size_t j = 0; j < row.size(); ++j) {
      if (j) std::cout << " ";
      std::cout << row[j];
    }
    std::cout << "\n";
  }
  return 0;
}
