// `main.cc` converts temperatures. Each input line is `C value` (Celsius) or `F value`
// (Fahrenheit). For `C v` it prints the value in Fahrenheit, `F = C * 9 / 5 + 32`; for
// `F v` it prints the value in Celsius, `C = (F - 32) * 5 / 9`. Output has one decimal
// and the target unit, e.g. `212.0 F`. Lines with another unit letter print `unknown
// unit`.
#include <cstdio>
#include <iostream>
#include <string>

double toFahrenheit(double c) { return c * 9.0 / 5.0 + 32.0; }

double toCelsius(double f) { return (f + 32.0) * 5.0 / 9.0; }

int main() {
  std::string unit;
  double value;
  while (std::cin >> unit >> value) {
    if (unit == "C") {
      std::printf("%.1f F\n", toFahrenheit(value));
    } else if (unit == "F") {
      std::printf("%.1f C\n", toCelsius(value));
    } else {
      std::printf("unknown unit\n");
    }
  }
  return 0;
}
