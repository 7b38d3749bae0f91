// `main.cc` reads a first line with integers, then lines `from to` (indexes from 0, both
// included), and prints for each the average of the numbers at indexes `from..to` with
// two decimals. A range that is empty or outside the list prints `bad range`.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

bool average(const std::vector<long long>& v, long long from, long long to, double& out) {
  if (from < 0 || to >= static_cast<long long>(v.size()) || from > to) return false;
  long long sum = 0;
  for (long long i = from; i <= to; ++i) sum += v[i];
  out = static_cast<double>(sum) / static_cast<double>(to - from + 1);
  return true;
}

int main() {
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  std::istringstream in(line);
  std::vector<long long> v;
  long long x;
  while (in >> x) v.push_back(x);
  long long from, to;
  while (std::cin >> from >> to) {
    double avg = 0;
    if (average(v, to, from, avg)) std::printf("%.2f\n", avg);
    else std::printf("bad range\n");
  }
  return 0;
}
