#include "spell.h"

#include <algorithm>
#include <set>
#include <stdexcept>
#include <utility>

int edit_distance(std::string_view a, std::string_view b) {
  if (a.size() < b.size()) std::swap(a, b);  // the row is as long as the shorter string
  std::vector<int> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    int diagonal = row[0];
    row[0] = static_cast<int>(i);
    for (std::size_t j = 1; j <= b.size(); ++j) {
      int above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] != b[j - 1])});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& dictionary,
                                 int max_distance) {
  if (max_distance < 0) throw std::invalid_argument("suggest: max_distance < 0");
  if (std::find(dictionary.begin(), dictionary.end(), word) != dictionary.end())
    return {std::string(word)};
  std::set<std::pair<int, std::string>> found;
  for (const std::string& candidate : dictionary) {
    int d = edit_distance(word, candidate);
    if (d <= max_distance) found.insert({d, candidate});
  }
  std::vector<std::string> out;
  for (const auto& entry : found) out.push_back(entry.second);
  return out;
}
