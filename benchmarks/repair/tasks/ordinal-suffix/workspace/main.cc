// `main.cc` reads non-negative integers, one per line, and prints each as an English
// ordinal: `1st`, `2nd`, `3rd`, `4th`, ..., with the exception that numbers ending in
// 11, 12 or 13 take `th` (`11th`, `112th`, `213th`), and `0th`.
#include <iostream>
#include <string>

std::string suffix(unsigned long long n) {
  unsigned long long lastTwo = n % 100;
  switch (n % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

int main() {
  unsigned long long n;
  while (std::cin >> n) std::cout << n << suffix(n) << "\n";
  return 0;
}
