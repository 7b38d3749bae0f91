// `main.cc` counts words in its input. A word is a maximal run of letters, compared
// without case (everything else separates words). It prints each distinct word in
// lowercase with its count, `word count`, most frequent first and alphabetically among
// equal counts.
#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main() {
  std::map<std::string, int> counts;
  std::string word;
  char ch;
  while (std::cin.get(ch)) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      counts[word]++;
    }
  }
  if (!word.empty()) counts[word]++;
  std::vector<std::pair<std::string, int>> list(counts.begin(), counts.end());
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [w, n] : list) std::cout << w << " " << n << "\n";
  return 0;
}
