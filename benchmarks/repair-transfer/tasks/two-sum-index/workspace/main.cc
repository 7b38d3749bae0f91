// `main.cc` reads a target on the first line and integers on the second, and prints the
// 0-based indices `i j` (`i < j`) of the first pair, in order of `j` and then of the
// earliest `i`, whose values add up to the target, or `none`. It uses a hash map from
// value to the first index where it occurs.
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

int main() {
  long long target;
  std::string line;
  if (!(std::cin >> target)) return 0;
  std::getline(std::cin, line);
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<long long> a;
  long long x;
  while (in >> x) a.push_back(x);
  std::unordered_map<long long, std::size_t> firstIndex;
  for (std::size_t j = 0; j < a.size(); ++j) {
    auto it = firstIndex.find(target - a[j]);
    if (it != firstIndex.end()) {
      std::cout << it->second << " " << j << "\n";
      return 0;
    }
    firstIndex.emplace(a[j], a[j]);
  }
  std::cout << "none\n";
  return 0;
}
