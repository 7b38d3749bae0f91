// `main.cc` reads `a b` and prints the numbers from `a` to `b` inclusive, one per line,
// but prints `Fizz` for multiples of 3, `Buzz` for multiples of 5 and `FizzBuzz` for
// multiples of both (0 counts as a multiple of both). Negative numbers follow the same
// rule.
#include <iostream>
#include <string>

std::string label(long long i) {
  if (i % 3 == 0) return "Fizz";
  if (i % 5 == 0) return "Buzz";
  return std::to_string(i);
}

int main() {
  long long a, b;
  if (!(std::cin >> a >> b)) return 0;
  for (long long i = a; i <= b; ++i) {
    std::cout << label(i) << "\n";
  }
  return 0;
}
