// `main.cc` reads lines `YYYY-MM-DD HH:MM:SS` (UTC, years 1970 to 9999) and prints the
// Unix timestamp: seconds since 1970-01-01 00:00:00, ignoring leap seconds.
#include <cstdio>
#include <iostream>
#include <string>

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

long long daysBefore(int year, int month, int day) {
  static const int kCum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  long long days = 0;
  for (int y = 1970; y < year; ++y) days += isLeap(y) ? 366 : 365;
  days += kCum[month - 1];
  if (month > 2 && isLeap(year)) ++days;
  return days + day - 1;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y, mo, d, h, mi, s;
    if (std::sscanf(line.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) continue;
    long long days = daysBefore(y, mo, d);
    long long seconds = static_cast<int>(days) * 86400 + h * 3600LL + mi * 60LL + s;
    std::cout << seconds << "\n";
  }
  return 0;
}
