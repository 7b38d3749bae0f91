// `main.cc` reads ISBN-10 codes, one per line, and prints `ok` or `bad`. Hyphens are
// ignored. A code must have exactly 10 characters left: nine digits and a last character
// that is a digit or `X` (meaning 10). It is valid when `10*d1 + 9*d2 + ... + 2*d9 +
// 1*d10` is a multiple of 11.
#include <iostream>
#include <string>

bool isbnValid(const std::string& line) {
  std::string s;
  for (char c : line)
    if (c != '-') s += c;
  if (s.size() != 10) return false;
  int sum = 0;
  for (int i = 0; i < 10; ++i) {
    int v;
    if (s[i] >= '0' && s[i] <= '9') {
      v = s[i] - '0';
    } else if (s[i] == 'X' && i == 9) {
      v = 10;
    } else {
      return false;
    }
    sum += (10 - i) * v;
  }
  return sum % 10 == 0;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << (isbnValid(line) ? "ok" : "bad") << "\n";
  return 0;
}
