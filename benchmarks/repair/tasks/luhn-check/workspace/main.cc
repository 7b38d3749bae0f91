// `main.cc` reads card numbers (digit strings, possibly containing spaces) one per line
// and prints `valid` or `invalid` by the Luhn checksum: from the rightmost digit, double
// every second digit, subtract 9 from doubled values above 9, sum everything; the number
// is valid when the sum is a multiple of 10. Lines with any character other than digits
// and spaces, or with fewer than two digits, are `invalid`.
#include <iostream>
#include <string>

bool luhnValid(const std::string& line) {
  std::string digits;
  for (char c : line) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return false;
    digits += c;
  }
  if (digits.size() < 2) return false;
  int sum = 0;
  bool twice = false;
  for (int i = static_cast<int>(digits.size()) - 1; i >= 0; --i) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 10;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::cout << (luhnValid(line) ? "valid" : "invalid") << "\n";
  }
  return 0;
}
