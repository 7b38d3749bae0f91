// Finding the text a SEARCH block names: exact, then tolerant of whitespace differences;
// and, when nothing matches, the line that comes closest (for the rejection message).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace clade::mutation {

struct TextSpan {
  size_t offset = 0;
  size_t length = 0;
};

struct TextMatches {
  std::vector<TextSpan> spans;  // in order of offset
  bool whitespace_tolerant = false;
};

// Every occurrence of `needle` in `text`. If there is none, every occurrence where runs
// of whitespace may differ in length and kind (indentation, line breaks, tabs), and the
// needle's leading and trailing whitespace is ignored; spans then cover the text from the
// first to the last non-blank character matched. An all-blank needle matches nothing.
TextMatches FindText(std::string_view text, std::string_view needle);

// The 1-based line of a byte offset.
int LineOfOffset(std::string_view text, size_t offset);

struct ClosestLine {
  int line = 0;      // 1-based
  std::string text;  // the line, trimmed
};

// The line of `text` most similar to the first non-blank line of `needle` (character
// bigram overlap); nullopt when the needle is blank or nothing is similar at all.
std::optional<ClosestLine> FindClosestLine(std::string_view text, std::string_view needle);

}  // namespace clade::mutation
