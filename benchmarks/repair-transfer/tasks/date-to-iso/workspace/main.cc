// `main.cc` reads European dates `DD.MM.YYYY` (one or two digit day and month) and
// prints them in ISO 8601 form `YYYY-MM-DD`. Lines that are not dates, or whose month is
// not 1..12 or day not 1..31, print `invalid`.
#include <cstdio>
#include <iostream>
#include <string>

std::string iso(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int d, m, y;
    char tail;
    if (std::sscanf(line.c_str(), "%d.%d.%d%c", &d, &m, &y, &tail) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31 || y < 0 || y > 9999) {
      std::cout << "invalid\n";
      continue;
    }
    std::cout << iso(y, d, m) << "\n";
  }
  return 0;
}
