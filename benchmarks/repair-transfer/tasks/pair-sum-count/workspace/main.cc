// `main.cc` reads a target `k` on the first line and a list of integers on the second,
// and prints how many pairs of positions `i < j` have `a[i] + a[j] == k`, then the pairs
// themselves as `i j` (0-based), in increasing order of `i` then `j`.
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

int main() {
  long long k;
  std::string line;
  if (!(std::cin >> k)) return 0;
  std::getline(std::cin, line);
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<long long> a;
  long long x;
  while (in >> x) a.push_back(x);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i; j < a.size(); ++j) {
      if (a[i] + a[j] == k) pairs.emplace_back(i, j);
    }
  }
  std::cout << pairs.size() << "\n";
  for (const auto& [i, j] : pairs) std::cout << i << " " << j << "\n";
  return 0;
}
