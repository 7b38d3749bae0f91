// `main.cc` reads lines of integers and prints the median of each line: the middle value
// of the sorted numbers, or for an even count the mean of the two middle values, printed
// with one decimal. An empty line prints `empty`.
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

double median(std::vector<long long> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  if (n % 2 == 0) return static_cast<double>(v[n / 2]);
  return static_cast<double>(v[n / 2]);
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<long long> v;
    long long x;
    while (in >> x) v.push_back(x);
    if (v.empty()) {
      std::printf("empty\n");
    } else {
      std::printf("%.1f\n", median(v));
    }
  }
  return 0;
}
