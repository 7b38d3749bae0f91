#include "engine/model/edit_parser.h"

#include <fmt/format.h>

#include "support/strings.h"

namespace clade::model {
namespace {

using mutation::Edit;

std::vector<std::string> Lines(std::string_view text) {
  std::vector<std::string> lines = Split(text, '\n');
  for (std::string& line : lines) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
  }
  return lines;
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}

// A marker line: at least 5 of `c` then optional text ("<<<<<<< SEARCH src/a.cc").
bool Marker(std::string_view line, char c, std::string_view word, std::string* rest) {
  line = Trim(line);
  size_t n = 0;
  while (n < line.size() && line[n] == c) ++n;
  if (n < 5) return false;
  std::string_view after = Trim(line.substr(n));
  if (!StartsWith(after, word)) return false;
  if (after.size() > word.size() && after[word.size()] != ' ') return false;
  if (rest) *rest = std::string(Trim(after.substr(word.size())));
  return true;
}

bool Divider(std::string_view line) {
  line = Trim(line);
  return line.size() >= 5 && line.find_first_not_of('=') == std::string_view::npos;
}

// The path a model wrote on the line before a block, if the line looks like one.
std::string PathLine(std::string_view line) {
  std::string_view text = Trim(line);
  for (std::string_view prefix : {"FILE:", "File:", "file:", "Path:", "path:"}) {
    if (StartsWith(text, prefix)) text = Trim(text.substr(prefix.size()));
  }
  while (!text.empty() && (text.front() == '`' || text.front() == '*')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == '`' || text.back() == '*' || text.back() == ':')) {
    text.remove_suffix(1);
  }
  if (text.empty() || text.find(' ') != std::string_view::npos || StartsWith(text, "```") ||
      (text.find('.') == std::string_view::npos && text.find('/') == std::string_view::npos)) {
    return "";
  }
  return std::string(text);
}

std::string JoinLines(const std::vector<std::string>& lines, size_t begin, size_t end) {
  std::string text;
  for (size_t i = begin; i < end; ++i) text += lines[i] + "\n";
  return text;
}

}  // namespace

Result<std::vector<Edit>> ParseEdits(std::string_view answer) {
  std::vector<std::string> lines = Lines(answer);
  std::vector<Edit> edits;
  std::string last_path;  // the latest path line outside a block
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string rest;
    const int line_no = static_cast<int>(i) + 1;
    if (Marker(lines[i], '<', "SEARCH", &rest)) {
      std::string path = rest.empty() ? last_path : PathLine(rest);
      size_t divider = i + 1;
      while (divider < lines.size() && !Divider(lines[divider]) &&
             !Marker(lines[divider], '>', "REPLACE", nullptr)) {
        ++divider;
      }
      if (divider == lines.size() || !Divider(lines[divider])) {
        return Fail("line {}: the SEARCH block has no '=======' line", line_no);
      }
      size_t end = divider + 1;
      while (end < lines.size() && !Marker(lines[end], '>', "REPLACE", nullptr)) ++end;
      if (end == lines.size()) {
        return Fail("line {}: the SEARCH block is never closed by '>>>>>>> REPLACE'", line_no);
      }
      edits.push_back(mutation::SearchReplace{path, JoinLines(lines, i + 1, divider),
                                              JoinLines(lines, divider + 1, end)});
      i = end;
      continue;
    }
    std::string kind;
    for (std::string_view word : {"FUNCTION", "INSERT AFTER", "INSERT IN", "NEW FILE"}) {
      if (Marker(lines[i], '<', word, &rest)) kind = word;
    }
    if (!kind.empty()) {
      if (rest.empty()) return Fail("line {}: '{}' needs a name after it", line_no, kind);
      size_t end = i + 1;
      while (end < lines.size() && !Marker(lines[end], '>', "END", nullptr)) ++end;
      if (end == lines.size()) {
        return Fail("line {}: the {} block is never closed by '>>>>>>> END'", line_no, kind);
      }
      std::string text = JoinLines(lines, i + 1, end);
      if (kind == "FUNCTION") edits.push_back(mutation::ReplaceFunction{rest, text});
      if (kind == "INSERT AFTER") edits.push_back(mutation::InsertFunction{"", rest, text});
      if (kind == "INSERT IN") edits.push_back(mutation::InsertFunction{PathLine(rest), "", text});
      if (kind == "NEW FILE") edits.push_back(mutation::AddFile{PathLine(rest), text});
      i = end;
      continue;
    }
    if (!Trim(lines[i]).empty()) {
      std::string path = PathLine(lines[i]);
      // A fence line keeps the path of the line before it ("src/a.cc" then "```cpp").
      if (!path.empty() || !StartsWith(Trim(lines[i]), "```")) last_path = path;
    }
  }
  return edits;
}

}  // namespace clade::model
