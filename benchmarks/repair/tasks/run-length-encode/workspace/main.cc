// `main.cc` run-length encodes each input line: every maximal run of one character
// becomes the character followed by the run length, e.g. `aaabcc` -> `a3b1c2`. An empty
// line prints an empty line.
#include <iostream>
#include <string>

std::string encode(const std::string& s) {
  std::string out;
  if (s.empty()) return out;
  char current = s[0];
  int run = 0;
  for (char c : s) {
    if (c == current) {
      ++run;
    } else {
      out += current + std::to_string(run);
      current = c;
      run = 1;
    }
  }
  return out;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << encode(line) << "\n";
  return 0;
}
