#include "word_frequency.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace {

bool is_word_char(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u < 0x80 && std::isalnum(u);
}

void add_word(std::string& word, std::map<std::string, int>& counts) {
  while (!word.empty() && word.back() == '\'') word.pop_back();
  std::size_t start = word.find_first_not_of('\'');
  if (start != std::string::npos) ++counts[word.substr(start)];
  word.clear();
}

}  // namespace

std::vector<WordCount> top_words(std::string_view text, std::size_t k) {
  std::map<std::string, int> counts;
  std::string word;
  for (char c : text) {
    if (is_word_char(c)) {
      word += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else if (c == '\'' && !word.empty()) {
      word += c;
    } else {
      add_word(word, counts);
    }
  }
  add_word(word, counts);
  std::vector<WordCount> result(counts.begin(), counts.end());
  std::stable_sort(result.begin(), result.end(),
                   [](const WordCount& a, const WordCount& b) { return a.second > b.second; });
  if (result.size() > k) result.resize(k);
  return result;
}
