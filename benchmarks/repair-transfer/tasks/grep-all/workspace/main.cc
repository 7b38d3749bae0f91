// `main.cc` is a small `grep -n -i`: the first input line is a search word; every
// following line that contains the word, ignoring case, is printed as `LINE: text` where
// `LINE` is its 1-based number among the following lines. At the end it prints `N
// matches`.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

int main() {
  std::string word;
  if (!std::getline(std::cin, word)) return 0;
  word = lower(word);
  std::string line;
  long number = 0, matches = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (lower(line).find(word) != std::string::npos) {
      std::cout << number << ": " << line << "\n";
      ++matches;
      break;
    }
  }
  std::cout << matches << " matches\n";
  return 0;
}
