// `main.cc` reads lines `HH:MM delta` where `delta` is a number of minutes (possibly
// negative or larger than a day) and prints the 24-hour clock time `delta` minutes after
// `HH:MM`, as `HH:MM` with two digits each, wrapping around midnight in both directions.
#include <cstdio>
#include <iostream>
#include <string>

// Minutes since midnight of a "HH:MM" string.
long long parseClock(const std::string& hhmm) {
  int h = std::stoi(hhmm.substr(0, 2));
  int m = std::stoi(hhmm.substr(3, 2));
  return h * 60 + m;
}

int main() {
  std::string hhmm;
  long long delta;
  while (std::cin >> hhmm >> delta) {
    long long t = parseClock(hhmm) + delta;
    t = ((t % 1440) - 1440) % 1440;
    std::printf("%02lld:%02lld\n", t / 60, t % 60);
  }
  return 0;
}
