// `main.cc` reads numbers (as text, up to 18 digits) and prints for each the sum of its
// digits each raised to the power of the number of digits, e.g. `153` -> `153` (1 + 125
// + 27), followed by ` armstrong` when that sum equals the number itself.
#include <iostream>
#include <string>

long long power(long long base, int exponent) {
  int result = 1;
  for (int i = 0; i < exponent; ++i) result *= base;
  return result;
}

int main() {
  std::string number;
  while (std::cin >> number) {
    int digits = static_cast<int>(number.size());
    long long sum = 0;
    for (char c : number) sum += power(c - '0', digits);
    std::cout << sum;
    if (std::to_string(sum) == number) std::cout << " armstrong";
    std::cout << "\n";
  }
  return 0;
}
