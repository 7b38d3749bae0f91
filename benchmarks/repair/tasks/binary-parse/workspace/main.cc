// `main.cc` reads binary numbers (strings of `0` and `1`, up to 62 digits), one per
// line, and prints each value in decimal. A line containing any other character prints
// `error`; an empty line is skipped.
#include <iostream>
#include <string>

bool parseBinary(const std::string& s, long long& value) {
  value = 0;
  for (char c : s) {
    if (c != '0' && c != '1') return false;
    value = value * 10 + (c - '0');
  }
  return true;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    long long v;
    if (parseBinary(line, v)) {
      std::cout << v << "\n";
    } else {
      std::cout << "error\n";
    }
  }
  return 0;
}
