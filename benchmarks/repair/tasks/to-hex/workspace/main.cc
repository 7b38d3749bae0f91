// `main.cc` reads non-negative integers (up to 2^64 - 1), one per line, and prints each
// in hexadecimal with lowercase digits and no prefix or leading zeros (`0` for zero).
// E.g. `255` -> `ff`, `4096` -> `1000`.
#include <algorithm>
#include <iostream>
#include <string>

std::string toHex(unsigned long long n) {
  if (n == 0) return "0";
  std::string out;
  while (n > 0) {
    unsigned d = static_cast<unsigned>(n % 16);
    if (d < 10) {
      out += static_cast<char>('0' + d);
    } else {
      out += static_cast<char>('a' + d - 9);
    }
    n /= 16;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

int main() {
  unsigned long long n;
  while (std::cin >> n) std::cout << toHex(n) << "\n";
  return 0;
}
