// `main.cc` reads integers until end of input and prints, for each, `positive`,
// `negative` or `zero`; at the end it prints a summary line `P positive, N negative, Z
// zero`.
#include <iostream>
#include <string>

int main() {
  long long x;
  long long pos = 0, neg = 0, zero = 0;
  while (std::cin >> x) {
    std::string word;
    if (x > 0) {
      word = "positive";
      ++pos;
    } else {
      word = "negative";
      ++neg;
    }
    std::cout << word << "\n";
  }
  std::cout << pos << " positive, " << neg << " negative, " << zero << " zero\n";
  return 0;
}
