#include "wrap.h"

#include <stdexcept>

namespace {

// Splits text into paragraphs of words.
std::vector<std::vector<std::string>> paragraphs(std::string_view text) {
  std::vector<std::vector<std::string>> out(1);
  std::string word;
  int newlines = 0;  // since the last word
  for (std::size_t i = 0; i <= text.size(); ++i) {
    char c = i < text.size() ? text[i] : ' ';
    if (c != ' ' && c != '\n') {
      if (newlines >= 2 && !out.back().empty()) out.emplace_back();
      newlines = 0;
      word += c;
      continue;
    }
    if (!word.empty()) out.back().push_back(word);
    word.clear();
    if (c == '\n') ++newlines;
  }
  if (out.back().empty()) out.pop_back();
  return out;
}

}  // namespace

std::vector<std::string> wrap_text(std::string_view text, int width) {
  if (width < 1) throw std::invalid_argument("wrap_text: width < 1");
  const std::size_t w = static_cast<std::size_t>(width);
  std::vector<std::string> lines;
  for (const auto& words : paragraphs(text)) {
    if (!lines.empty()) lines.emplace_back();
    std::string line;
    auto place = [&](const std::string& piece, bool fresh) {
      if (!line.empty() && (fresh || line.size() + 1 + piece.size() > w)) {
        lines.push_back(line);
        line.clear();
      }
      line += (line.empty() ? "" : " ") + piece;
    };
    for (const std::string& word : words) {
      if (word.size() <= w) {
        place(word, false);
        continue;
      }
      for (std::size_t at = 0; at < word.size(); at += w) place(word.substr(at, w), true);
    }
    if (!line.empty()) lines.push_back(line);
  }
  return lines;
}
