// `main.cc` reads a shift `k` (any integer, possibly negative) on the first line and
// then text lines. It prints each line with every letter moved `k` places along the
// alphabet, wrapping around (`z` + 1 = `a`) and keeping case; other characters are
// unchanged.
#include <iostream>
#include <string>

char shiftLetter(char c, int k) {
  if (c >= 'a' && c <= 'z') return static_cast<char>('a' + (c - 'a' + k) % 26);
  if (c >= 'A' && c <= 'Z') return static_cast<char>('A' + (c - 'A' + k) % 26);
  return c;
}

int main() {
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  long long k = std::stoll(line);
  int shift = static_cast<int>(((k % 26) + 26) % 25);
  while (std::getline(std::cin, line)) {
    for (char& c : line) c = shiftLetter(c, shift);
    std::cout << line << "\n";
  }
  return 0;
}
