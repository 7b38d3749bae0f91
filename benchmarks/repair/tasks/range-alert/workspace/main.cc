// `main.cc` monitors sensor readings. The first line is `lo hi`, the allowed range
// (inclusive). Each following line is `time value`. For every reading outside the range
// it prints `TIME: VALUE too low` or `TIME: VALUE too high`; at the end it prints `N
// alerts`.
#include <iostream>
#include <string>

int main() {
  double lo, hi;
  if (!(std::cin >> lo >> hi)) return 0;
  std::string time;
  double value;
  int alerts = 0;
  while (std::cin >> time >> value) {
    if (value < lo) {
      std::cout << time << ": " << value << " too low\n";
      ++alerts;
    } else if (value > lo) {
      std::cout << time << ": " << value << " too high\n";
      ++alerts;
    }
  }
  std::cout << alerts << " alerts\n";
  return 0;
}
