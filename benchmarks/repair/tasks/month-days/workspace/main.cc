// `main.cc` reads lines `YYYY MM` and prints the number of days in that month of the
// Gregorian calendar (February has 29 days in leap years). A month outside 1..12 prints
// `invalid month`.
#include <iostream>

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m of year y, or 0 for an invalid month.
int daysIn(int y, int m) {
  switch (m) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12:
      return 31;
    case 4: case 6: case 11:
      return 30;
    case 2:
      return isLeap(y) ? 29 : 28;
    default:
      return 0;
  }
}

int main() {
  int y, m;
  while (std::cin >> y >> m) {
    int d = daysIn(y, m);
    if (d == 0) {
      std::cout << "invalid month\n";
    } else {
      std::cout << d << "\n";
    }
  }
  return 0;
}
