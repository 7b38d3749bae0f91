#include "engine/mutation/text_match.h"

#include <algorithm>
#include <map>

#include "support/strings.h"

namespace clade::mutation {
namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

// Text with each whitespace run collapsed to one space, and for each of its characters the
// offset of the original character it stands for.
struct Collapsed {
  std::string text;
  std::vector<size_t> origin;
};

Collapsed Collapse(std::string_view text) {
  Collapsed out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (IsSpace(text[i])) {
      if (!out.text.empty() && out.text.back() == ' ') continue;
      out.text += ' ';
    } else {
      out.text += text[i];
    }
    out.origin.push_back(i);
  }
  return out;
}

std::vector<size_t> Occurrences(std::string_view text, std::string_view needle) {
  std::vector<size_t> found;
  if (needle.empty()) return found;
  for (size_t at = text.find(needle); at != std::string_view::npos;
       at = text.find(needle, at + 1)) {
    found.push_back(at);
  }
  return found;
}

std::map<std::string, int> Bigrams(std::string_view text) {
  std::map<std::string, int> grams;
  for (size_t i = 0; i + 1 < text.size(); ++i) ++grams[std::string(text.substr(i, 2))];
  return grams;
}

double Similarity(const std::map<std::string, int>& a, std::string_view line) {
  std::map<std::string, int> b = Bigrams(line);
  int shared = 0, total = 0;
  for (const auto& [gram, count] : a) {
    total += count;
    if (auto it = b.find(gram); it != b.end()) shared += std::min(count, it->second);
  }
  for (const auto& [gram, count] : b) total += count;
  return total == 0 ? 0.0 : 2.0 * shared / total;
}

}  // namespace

TextMatches FindText(std::string_view text, std::string_view needle) {
  TextMatches matches;
  for (size_t at : Occurrences(text, needle)) matches.spans.push_back({at, needle.size()});
  if (!matches.spans.empty()) return matches;
  matches.whitespace_tolerant = true;
  const std::string_view trimmed = Trim(needle);
  if (trimmed.empty()) return matches;
  const Collapsed haystack = Collapse(text);
  const std::string pattern = Collapse(trimmed).text;
  for (size_t at : Occurrences(haystack.text, pattern)) {
    const size_t begin = haystack.origin[at];
    const size_t end = haystack.origin[at + pattern.size() - 1] + 1;
    matches.spans.push_back({begin, end - begin});
  }
  return matches;
}

int LineOfOffset(std::string_view text, size_t offset) {
  offset = std::min(offset, text.size());
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + offset, '\n'));
}

std::optional<ClosestLine> FindClosestLine(std::string_view text, std::string_view needle) {
  std::string wanted;
  for (const std::string& line : Split(needle, '\n')) {
    if (!Trim(line).empty()) {
      wanted = std::string(Trim(line));
      break;
    }
  }
  if (wanted.empty()) return std::nullopt;
  const std::map<std::string, int> grams = Bigrams(wanted);
  std::optional<ClosestLine> best;
  double best_score = 0.0;
  int number = 0;
  for (const std::string& line : Split(text, '\n')) {
    ++number;
    const std::string_view trimmed = Trim(line);
    if (trimmed.empty()) continue;
    const double score = Similarity(grams, trimmed);
    if (score > best_score) {
      best_score = score;
      best = ClosestLine{number, std::string(trimmed)};
    }
  }
  return best;
}

}  // namespace clade::mutation
