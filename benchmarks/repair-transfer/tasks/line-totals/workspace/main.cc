// `main.cc` reads lines of whitespace-separated integers and prints, for each line, the
// line's total and the number of values on it as `total (count)`, then a last line
// `grand total: T`.
#include <iostream>
#include <sstream>
#include <string>

int main() {
  std::string line;
  long long grand = 0;
  long long count = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    long long total = 0;
    long long x;
    while (in >> x) {
      total += x;
      ++count;
    }
    grand += total;
    std::cout << total << " (" << count << ")\n";
  }
  std::cout << "grand total: " << grand << "\n";
  return 0;
}
