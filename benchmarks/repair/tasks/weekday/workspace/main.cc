// `main.cc` reads Gregorian dates `YYYY-MM-DD` (year 1583 or later), one per line, and
// prints the day of the week (`Monday` ... `Sunday`), computed with Zeller's congruence.
#include <cstdio>
#include <iostream>
#include <string>

// Zeller's congruence: 0 = Saturday, 1 = Sunday, ..., 6 = Friday.
int zeller(int y, int m, int d) {
  if (m < 3) {
    m += 12;
    y -= 1;
  }
  int k = y % 100;
  int j = y / 100;
  return (d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
}

std::string name(int h) {
  switch (h) {
    case 1: return "Sunday";
    case 2: return "Monday";
    case 3: return "Tuesday";
    case 4: return "Wednesday";
    case 5: return "Thursday";
    case 6: return "Friday";
    default: return "unknown";
  }
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y, m, d;
    if (std::sscanf(line.c_str(), "%d-%d-%d", &y, &m, &d) != 3) continue;
    std::cout << name(zeller(y, m, d)) << "\n";
  }
  return 0;
}
