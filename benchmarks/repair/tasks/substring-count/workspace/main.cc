// `main.cc` reads a pattern on the first line and then any number of text lines. For
// each text line it prints how many times the pattern occurs in it, counting overlapping
// occurrences ("aa" occurs 3 times in "aaaa"). An empty pattern occurs 0 times.
#include <iostream>
#include <string>

int countOccurrences(const std::string& text, const std::string& pat) {
  if (pat.empty() || pat.size() > text.size()) return 0;
  int count = 0;
  for (std::size_t i = 0; i + pat.size() < text.size(); ++i) {
    if (text.compare(i, pat.size(), pat) == 0) ++count;
  }
  return count;
}

int main() {
  std::string pat, line;
  std::getline(std::cin, pat);
  while (std::getline(std::cin, line)) {
    std::cout << countOccurrences(line, pat) << "\n";
  }
  return 0;
}
