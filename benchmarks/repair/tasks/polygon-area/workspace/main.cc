// `main.cc` reads `n` (at least 3) and then `n` integer vertices `x y` of a simple
// polygon, in order (clockwise or counter-clockwise). It prints the polygon's area with
// one decimal (shoelace formula), and on a second line `ccw` or `cw` for the
// orientation.
#include <cstdio>
#include <iostream>
#include <vector>

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> x(n), y(n);
  for (int i = 0; i < n; ++i) std::cin >> x[i] >> y[i];
  long long twice = 0;
  for (int i = 0; i < n; ++i) {
    int j = (i + 1) % n;
    twice += x[i] * y[j] + x[j] * y[i];
  }
  bool ccw = twice > 0;
  if (twice < 0) twice = -twice;
  std::printf("%.1f\n%s\n", twice / 2.0, ccw ? "ccw" : "cw");
  return 0;
}
