// `main.cc` reads 64-bit integers, one per line, and prints each with commas between
// groups of three digits: `1234567` -> `1,234,567`, `-1234` -> `-1,234`, `999` -> `999`.
#include <iostream>
#include <string>

std::string groupDigits(const std::string& digits) {
  std::string out;
  int lead = static_cast<int>(digits.size() % 3);
  if (lead == 0) lead = 3;
  out = digits.substr(0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
  return out;
}

std::string withCommas(long long n) {
  if (n < 0) {
    // Negate as unsigned so that the smallest value works too.
    unsigned long long m = 0ULL - static_cast<unsigned long long>(n);
    return groupDigits(std::to_string(m));
  }
  return groupDigits(std::to_string(n));
}

int main() {
  long long n;
  while (std::cin >> n) std::cout << withCommas(n) << "\n";
  return 0;
}
