// `main.cc` reads lines `base digits` (base from 2 to 36; digits `0-9` then `a-z`, case
// insensitive) and prints the value in decimal (values fit in 63 bits). A digit not
// valid in the base prints `invalid`.
#include <cctype>
#include <iostream>
#include <string>

long long ipow(long long base, int exp) {
  long long r = 1;
  while (exp-- > 0) r *= base;
  return r;
}

int digitValue(char c) {
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return 99;
}

int main() {
  int base;
  std::string digits;
  while (std::cin >> base >> digits) {
    long long value = 0;
    bool ok = base >= 2 && base <= 36;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n && ok; ++i) {
      int d = digitValue(digits[i]);
      if (d >= base) ok = false;
      else value += d * ipow(n - 1 - i, base);
    }
    if (ok) {
      std::cout << value << "\n";
    } else {
      std::cout << "invalid\n";
    }
  }
  return 0;
}
