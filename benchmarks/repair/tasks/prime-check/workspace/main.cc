// `main.cc` reads integers (up to 10^12), one per line, and prints `prime` or
// `composite` for each; 0, 1 and negative numbers print `neither`. It uses trial
// division up to the square root.
#include <iostream>

bool isPrime(long long n) {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (long long i = 3; i * i < n; i += 2) {
    if (n % i == 0) return false;
  }
  return true;
}

int main() {
  long long n;
  while (std::cin >> n) {
    if (n < 2) {
      std::cout << "neither\n";
    } else {
      std::cout << (isPrime(n) ? "prime" : "composite") << "\n";
    }
  }
  return 0;
}
