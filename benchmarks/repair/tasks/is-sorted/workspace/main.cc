// `main.cc` reads lines of integers and, for each line, prints `sorted` if the numbers
// are in non-decreasing order (equal neighbours are allowed), otherwise `unsorted at I`
// where `I` is the 0-based index of the first element smaller than its predecessor. An
// empty line or a single number is sorted.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// Index of the first element smaller than its predecessor, or -1.
int firstDescent(const std::vector<long long>& v) {
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i - 1] >= v[i]) return static_cast<int>(i);
  }
  return -1;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<long long> v;
    long long x;
    while (in >> x) v.push_back(x);
    int at = firstDescent(v);
    if (at < 0) {
      std::cout << "sorted\n";
    } else {
      std::cout << "unsorted at " << at << "\n";
    }
  }
  return 0;
}
