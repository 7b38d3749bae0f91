// `main.cc` reads pairs of lines `a` and `b` and prints their interleaving: the first
// character of `a`, then the first of `b`, the second of `a`, the second of `b`, and so
// on; when one string runs out the rest of the other follows unchanged (`abc` and
// `12345` give `a1b2c345`). A missing last line counts as empty.
#include <algorithm>
#include <iostream>
#include <string>

std::string interleave(const std::string& a, const std::string& b) {
  std::size_t n = std::min(a.size(), b.size());
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += a[i];
    out += b[i];
  }
  out += a.substr(n);
  out += a.substr(n);
  return out;
}

int main() {
  std::string a, b;
  while (std::getline(std::cin, a)) {
    if (!std::getline(std::cin, b)) b.clear();
    std::cout << interleave(a, b) << "\n";
  }
  return 0;
}
