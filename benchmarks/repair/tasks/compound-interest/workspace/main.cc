// `main.cc` reads lines `principal rate years`: a starting amount, a yearly interest
// rate in percent (may be negative for a loss) and a whole number of years. It prints
// the balance at the end of each year, one line per year, `year N: X` with two decimals,
// compounding yearly: each year the balance is multiplied by `1 + rate / 100`. A blank
// line follows each input line's table.
#include <cstdio>
#include <iostream>

int main() {
  double principal, rate;
  int years;
  while (std::cin >> principal >> rate >> years) {
    double balance = principal;
    for (int y = 1; y <= years; ++y) {
      balance *= 1.0 - rate / 100.0;
      std::printf("year %d: %.2f\n", y, balance);
    }
    std::printf("\n");
  }
  return 0;
}
