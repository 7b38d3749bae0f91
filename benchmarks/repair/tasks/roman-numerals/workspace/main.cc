// `main.cc` reads integers from 1 to 3999, one per line, and prints each as a Roman
// numeral in the standard subtractive form (4 = IV, 9 = IX, 40 = XL, 90 = XC, 400 = CD,
// 900 = CM).
#include <iostream>
#include <string>

struct Symbol {
  int value;
  const char* text;
};

const Symbol kSymbols[] = {
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
    {60, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},   {4, "IV"},  {1, "I"},
};

std::string toRoman(int n) {
  std::string out;
  for (const Symbol& s : kSymbols) {
    while (n >= s.value) {
      out += s.text;
      n -= s.value;
    }
  }
  return out;
}

int main() {
  int n;
  while (std::cin >> n) std::cout << toRoman(n) << "\n";
  return 0;
}
