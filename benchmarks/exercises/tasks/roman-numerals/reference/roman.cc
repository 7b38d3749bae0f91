#include "roman.h"

#include <stdexcept>

namespace {

struct Symbol {
  int value;
  const char* text;
};

constexpr Symbol kSymbols[] = {{1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"},
                               {90, "XC"},  {50, "L"},   {40, "XL"}, {10, "X"},   {9, "IX"},
                               {5, "V"},    {4, "IV"},   {1, "I"}};

int letter_value(char c) {
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

}  // namespace

std::string to_roman(int n) {
  if (n < 1 || n > 3999) throw std::out_of_range("to_roman: out of range");
  std::string out;
  for (const Symbol& s : kSymbols) {
    while (n >= s.value) {
      out += s.text;
      n -= s.value;
    }
  }
  return out;
}

int from_roman(std::string_view s) {
  if (s.empty()) throw std::invalid_argument("from_roman: empty");
  int total = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    int v = letter_value(s[i]);
    if (v == 0) throw std::invalid_argument("from_roman: unknown letter");
    int next = i + 1 < s.size() ? letter_value(s[i + 1]) : 0;
    total += next > v ? -v : v;
  }
  // The standard form is unique: anything that does not round-trip is not in it.
  if (total < 1 || total > 3999 || to_roman(total) != s)
    throw std::invalid_argument("from_roman: not in the standard form");
  return total;
}
