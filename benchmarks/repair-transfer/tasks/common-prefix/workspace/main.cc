// `main.cc` reads groups of words, one group per line (words separated by spaces), and
// prints the longest common prefix of all words in the group, in quotes, e.g. `"fl"` for
// `flower flow flight`. A group with one word prints that word; an empty line prints
// `""`.
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

std::string commonPrefix(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string prefix;
  for (std::size_t i = 0; i < words[0].size(); ++i) {
    char c = words[0][i];
    for (std::size_t w = 1; w < words.size() - 1; ++w) {
      if (i >= words[w].size() || words[w][i] != c) return prefix;
    }
    prefix += c;
  }
  return prefix;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<std::string> words;
    std::string w;
    while (in >> w) words.push_back(w);
    std::cout << '"' << commonPrefix(words) << "\"\n";
  }
  return 0;
}
