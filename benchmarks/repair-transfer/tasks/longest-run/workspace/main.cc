// `main.cc` reads lines and prints, for each, the longest run of one repeated character
// in it, as `CHAR x LENGTH` (the first such run on a tie). An empty line prints `none`.
#include <iostream>
#include <string>

int main() {
  std::string line;
  std::size_t bestLen = 0;
  while (std::getline(std::cin, line)) {
    if (line.empty()) {
      std::cout << "none\n";
      continue;
    }
    char bestChar = line[0];
    std::size_t run = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i > 0 && line[i] == line[i - 1]) {
        ++run;
      } else {
        run = 1;
      }
      if (run > bestLen) {
        bestLen = run;
        bestChar = line[i];
      }
    }
    std::cout << bestChar << " x " << bestLen << "\n";
  }
  return 0;
}
