// `main.cc` reads integers from 0 to 999, one per line, and prints them in English
// words: `0` -> `zero`, `7` -> `seven`, `15` -> `fifteen`, `40` -> `forty`, `42` ->
// `forty-two`, `300` -> `three hundred`, `305` -> `three hundred five`, `999` -> `nine
// hundred ninety-nine`. Numbers outside the range print `out of range`.
#include <iostream>
#include <string>

const char* kOnes[] = {"",        "one",     "two",       "three",    "four",
                       "five",    "six",     "seven",     "eight",    "nine",
                       "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                       "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* kTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

// Words for 1..99 (empty for 0).
std::string belowHundred(int n) {
  if (n < 20) return kOnes[n];
  std::string s = kTens[n / 10];
  if (n % 10 != 0) s += std::string("-") + kOnes[n % 10];
  return s;
}

std::string words(int n) {
  std::string s;
  if (n >= 100) {
    s = std::string(kOnes[n / 100]) + " hundred";
    if (n % 100 != 0) s += " ";
  }
  return s + belowHundred(n % 100);
}

int main() {
  long n;
  while (std::cin >> n) {
    if (n < 0 || n > 999) {
      std::cout << "out of range\n";
    } else {
      std::cout << words(static_cast<int>(n)) << "\n";
    }
  }
  return 0;
}
