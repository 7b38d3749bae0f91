// `main.cc` reads up to 10 words on one line and prints every subset of them, one per
// line, in order of the bitmask that selects them (bit `i` selects word `i`): mask 0
// first (printed as `{}`), then `{w0}`, `{w1}`, `{w0 w1}`, ... Words inside a subset
// keep their input order and are separated by one space.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<std::string> words;
  std::string w;
  while (in >> w && words.size() < 10) words.push_back(w);
  const unsigned n = static_cast<unsigned>(words.size());
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    std::cout << "{";
    bool first = true;
    for (unsigned i = 0; i < n; ++i) {
      if (mask | (1u << i)) {
        if (!first) std::cout << " ";
        std::cout << words[i];
        first = false;
      }
    }
    std::cout << "}\n";
  }
  return 0;
}
