#include "support/glob.h"

#include "support/strings.h"

namespace clade {
namespace {

// Matches one path segment against one pattern segment ('*' and '?', no '/').
bool SegmentMatch(std::string_view pattern, std::string_view text) {
  size_t p = 0, t = 0;
  size_t star = std::string_view::npos, star_text = 0;
  while (t < text.size()) {
    if (p < pattern.size() && (pattern[p] == '?' || pattern[p] == text[t])) {
      ++p;
      ++t;
    } else if (p < pattern.size() && pattern[p] == '*') {
      star = p++;
      star_text = t;
    } else if (star != std::string_view::npos) {
      p = star + 1;
      t = ++star_text;
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

std::vector<std::string> Segments(std::string_view path) {
  std::vector<std::string> out;
  for (std::string& part : Split(path, '/')) {
    if (!part.empty() && part != ".") out.push_back(std::move(part));
  }
  return out;
}

bool Match(const std::vector<std::string>& pattern, size_t p, const std::vector<std::string>& path,
           size_t s) {
  if (p == pattern.size()) return s == path.size();
  if (pattern[p] == "**") {
    for (size_t next = s; next <= path.size(); ++next) {
      if (Match(pattern, p + 1, path, next)) return true;
    }
    return false;
  }
  if (s == path.size() || !SegmentMatch(pattern[p], path[s])) return false;
  return Match(pattern, p + 1, path, s + 1);
}

}  // namespace

bool GlobMatch(std::string_view pattern, std::string_view path) {
  std::vector<std::string> pattern_segments = Segments(pattern);
  const std::vector<std::string> path_segments = Segments(path);
  if (pattern_segments.empty()) return false;
  if (Match(pattern_segments, 0, path_segments, 0)) return true;
  // A pattern without wildcards in its last segment may name a directory.
  if (pattern_segments.back() != "**") {
    pattern_segments.push_back("**");
    return Match(pattern_segments, 0, path_segments, 0);
  }
  return false;
}

bool GlobMatchAny(const std::vector<std::string>& globs, std::string_view path) {
  for (const std::string& glob : globs) {
    if (GlobMatch(glob, path)) return true;
  }
  return false;
}

}  // namespace clade
