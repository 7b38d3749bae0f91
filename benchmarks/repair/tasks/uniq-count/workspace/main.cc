// `main.cc` behaves like `uniq -c`: it collapses runs of identical consecutive input
// lines and prints each run as `COUNT LINE` (count, one space, the line). Lines that
// repeat but not consecutively form separate runs.
#include <iostream>
#include <string>

int main() {
  std::string line, prev;
  long count = 0;
  while (std::getline(std::cin, line)) {
    if (count > 0 && line == prev) {
      ++count;
      continue;
    }
    if (count > 0) std::cout << count << " " << prev << "\n";
    count = 1;
  }
  if (count > 0) std::cout << count << " " << prev << "\n";
  return 0;
}
