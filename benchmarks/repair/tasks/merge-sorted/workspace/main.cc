// `main.cc` reads two lines, each a list of integers in non-decreasing order (a line may
// be empty), and prints their merge, in non-decreasing order, on one line separated by
// spaces.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

std::vector<long long> readLine() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<long long> v;
  long long x;
  while (in >> x) v.push_back(x);
  return v;
}

std::vector<long long> merge(const std::vector<long long>& a, const std::vector<long long>& b) {
  std::vector<long long> out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (b[j] < a[i]) {
      out.push_back(b[j++]);
    } else {
      out.push_back(a[i++]);
    }
  }
  while (i < a.size()) out.push_back(a[i++]);
  return out;
}

int main() {
  std::vector<long long> a = readLine();
  std::vector<long long> b = readLine();
  std::vector<long long> m = merge(a, b);
  for (std::size_t k = 0; k < m.size(); ++k) {
    if (k) std::cout << " ";
    std::cout << m[k];
  }
  std::cout << "\n";
  return 0;
}
