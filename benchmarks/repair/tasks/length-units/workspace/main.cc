// `main.cc` converts lengths. Each input line is `value from to` where the units are
// `km`, `m`, `cm`, `mm`, `in` (inch, 2.54 cm) or `ft` (foot, 12 in). It prints the
// converted value with four decimals and the target unit, e.g. `3.2808 ft`. An unknown
// unit prints `unknown unit NAME` (the first unknown one).
#include <cstdio>
#include <iostream>
#include <string>

// Length of one unit in metres, or a negative number for an unknown unit.
double metres(const std::string& unit) {
  if (unit == "km") return 1000.0;
  if (unit == "m") return 1.0;
  if (unit == "cm") return 0.01;
  if (unit == "mm") return 0.001;
  if (unit == "ft") return 0.3048;
  return -1.0;
}

int main() {
  double value;
  std::string from, to;
  while (std::cin >> value >> from >> to) {
    double f = metres(from);
    double t = metres(to);
    if (f < 0) {
      std::printf("unknown unit %s\n", from.c_str());
    } else if (t < 0) {
      std::printf("unknown unit %s\n", to.c_str());
    } else {
      std::printf("%.4f %s\n", value * f / t, to.c_str());
    }
  }
  return 0;
}
