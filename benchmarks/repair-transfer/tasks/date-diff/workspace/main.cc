// `main.cc` reads lines with two Gregorian dates `YYYY-MM-DD YYYY-MM-DD` and prints the
// number of days from the first to the second (negative if the second is earlier), e.g.
// `2024-01-01 2024-03-01` -> `60`.
#include <cstdio>
#include <iostream>
#include <string>

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long daysFromCivil(long long y, long long m, long long d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y1, m1, d1, y2, m2, d2;
    if (std::sscanf(line.c_str(), "%d-%d-%d %d-%d-%d", &y1, &m1, &d1, &y2, &m2, &d2) != 6) continue;
    std::cout << daysFromCivil(y2, m1, d2) - daysFromCivil(y1, m1, d1) << "\n";
  }
  return 0;
}
