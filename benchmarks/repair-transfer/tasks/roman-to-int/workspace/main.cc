// `main.cc` reads Roman numerals (uppercase, one per line) and prints their integer
// values; a symbol smaller than the one after it is subtracted (`IV` = 4, `MCMXCIV` =
// 1994). A line with any character other than `IVXLCDM` prints `invalid`.
#include <iostream>
#include <string>

int value(char c) {
  switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
  }
}

int main() {
  std::string s;
  while (std::getline(std::cin, s)) {
    if (s.empty()) continue;
    bool ok = true;
    long total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      int v = value(s[i]);
      if (v == 0) {
        ok = false;
        break;
      }
      if (i + 1 < s.size() && v < value(s[i])) {
        total -= v;
      } else {
        total += v;
      }
    }
    if (ok) {
      std::cout << total << "\n";
    } else {
      std::cout << "invalid\n";
    }
  }
  return 0;
}
