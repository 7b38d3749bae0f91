// `main.cc` reads points `x y`, one per line, and prints the Manhattan distance from
// each point to the previous one (the first point is measured from `0 0`), and on the
// last line `total D`, the length of the whole walk.
#include <cstdlib>
#include <iostream>

long long manhattan(long long x1, long long y1, long long x2, long long y2) {
  return std::llabs(x1 - x2) + std::llabs(y1 - y2);
}

int main() {
  long long px = 0, py = 0, x, y, total = 0;
  while (std::cin >> x >> y) {
    long long d = manhattan(px, x, py, y);
    std::cout << d << "\n";
    total += d;
    px = x;
    py = y;
  }
  std::cout << "total " << total << "\n";
  return 0;
}
