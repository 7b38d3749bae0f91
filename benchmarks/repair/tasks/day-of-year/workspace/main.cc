// `main.cc` reads dates `YYYY-MM-DD`, one per line, and prints the day of the year (1
// for January 1st, 365 or 366 for December 31st), using the Gregorian leap-year rule.
// Invalid dates (month outside 1..12, day outside the month) print `invalid`.
#include <cstdio>
#include <iostream>
#include <string>

const int kDaysInMonth[12] = {31, 28, 31, 31, 31, 30, 31, 31, 30, 31, 30, 31};

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int monthLength(int y, int m) {
  if (m == 2 && isLeap(y)) return 29;
  return kDaysInMonth[m - 1];
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y, m, d;
    if (std::sscanf(line.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > monthLength(y, m)) {
      std::cout << "invalid\n";
      continue;
    }
    int day = d;
    for (int i = 1; i < m; ++i) day += monthLength(y, i);
    std::cout << day << "\n";
  }
  return 0;
}
