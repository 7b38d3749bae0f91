// `main.cc` reads non-negative decimal numbers as strings (one per line, possibly with
// leading zeros, up to 100 digits) and prints each with its digits reversed, dropping
// leading zeros of the result (but printing `0` for zero). E.g. `1200` -> `21`, `007` ->
// `700`.
#include <iostream>
#include <string>

std::string reverseDigits(const std::string& s) {
  std::string r;
  for (int i = static_cast<int>(s.size()) - 1; i > 0; --i) r += s[i];
  std::size_t first = 0;
  while (first + 1 < r.size() && r[first] == '0') ++first;
  return r.substr(first);
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    std::cout << reverseDigits(line) << "\n";
  }
  return 0;
}
