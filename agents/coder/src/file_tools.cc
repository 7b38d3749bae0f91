#include "file_tools.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace coder {
namespace {

namespace fs = std::filesystem;

bool ReadText(const fs::path& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream buffer;
  buffer << in.rdbuf();
  *text = buffer.str();
  return true;
}

bool WriteText(const fs::path& path, const std::string& text) {
  std::error_code error;
  if (path.has_parent_path()) fs::create_directories(path.parent_path(), error);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  return static_cast<bool>(out.flush());
}

// True when `path` (made absolute, `..` resolved) lies inside the working directory.
bool InsideWorkspace(const std::string& path) {
  std::error_code error;
  fs::path root = fs::weakly_canonical(fs::current_path(), error);
  fs::path target = fs::weakly_canonical(fs::absolute(path), error);
  if (error) return false;
  auto [root_end, ignored] = std::mismatch(root.begin(), root.end(), target.begin(), target.end());
  return root_end == root.end();
}

std::vector<std::string> SplitLines(const std::string& text) {
  std::vector<std::string> lines;
  std::string line;
  std::istringstream in(text);
  while (std::getline(in, line)) lines.push_back(line);
  return lines;
}

// The 1-based line numbers at which `needle` starts in `text`.
std::vector<int> MatchLines(const std::string& text, const std::string& needle) {
  std::vector<int> lines;
  size_t pos = 0;
  while ((pos = text.find(needle, pos)) != std::string::npos) {
    lines.push_back(1 + static_cast<int>(std::count(text.begin(), text.begin() + pos, '\n')));
    pos += 1;  // overlapping matches count: they make the replacement ambiguous too
  }
  return lines;
}

std::string JoinNumbers(const std::vector<int>& numbers) {
  std::string text;
  for (size_t i = 0; i < numbers.size() && i < 10; ++i) {
    text += (i ? ", " : "") + std::to_string(numbers[i]);
  }
  return numbers.size() > 10 ? text + ", ..." : text;
}

}  // namespace

std::string ListFiles(const std::string& dir) {
  std::vector<std::string> entries;
  std::error_code error;
  fs::recursive_directory_iterator it(dir, error), end;
  for (; !error && it != end; it.increment(error)) {
    std::string name = it->path().filename().string();
    bool skip = name.empty() || name[0] == '.' || name == "build";
    if (skip) {
      if (it->is_directory(error)) it.disable_recursion_pending();
      continue;
    }
    std::string relative = fs::relative(it->path(), dir, error).string();
    entries.push_back(it->is_directory(error) ? relative + "/" : relative);
  }
  std::sort(entries.begin(), entries.end());
  std::string text;
  for (size_t i = 0; i < entries.size() && i < static_cast<size_t>(kListMaxEntries); ++i) {
    text += entries[i] + "\n";
  }
  if (entries.size() > static_cast<size_t>(kListMaxEntries)) {
    text += "[" + std::to_string(entries.size() - kListMaxEntries) + " more entries]\n";
  }
  return text;
}

std::string ViewFile(const std::string& path, int start_line, int end_line) {
  std::error_code error;
  if (fs::is_directory(path, error)) return "Directory " + path + ":\n" + ListFiles(path);
  std::string text;
  if (!ReadText(path, &text)) return "Error: cannot read " + path + " (no such file?).";
  if (text.find('\0') != std::string::npos) return "Error: " + path + " is a binary file.";
  std::vector<std::string> lines = SplitLines(text);
  int total = static_cast<int>(lines.size());
  if (total == 0) return path + " is empty.";
  int first = start_line > 0 ? start_line : 1;
  int last = end_line > 0 ? std::min(end_line, total) : total;
  if (first > total) {
    return "Error: " + path + " has " + std::to_string(total) + " lines; start_line " +
           std::to_string(first) + " is past its end.";
  }
  if (last < first) return "Error: end_line is before start_line.";
  bool cut = last - first + 1 > kViewMaxLines && end_line <= 0;
  if (cut) last = first + kViewMaxLines - 1;
  std::string out;
  for (int n = first; n <= last; ++n) {
    out += std::to_string(n) + "\t" + lines[n - 1] + "\n";
  }
  if (cut) {
    out += "[lines " + std::to_string(last + 1) + "-" + std::to_string(total) +
           " not shown; view them with start_line and end_line]\n";
  }
  return out;
}

std::string CreateFile(const std::string& path, const std::string& content) {
  if (path.empty()) return "Error: the path is empty.";
  if (!InsideWorkspace(path)) {
    return "Error: " + path + " is outside the working directory; nothing was written.";
  }
  std::error_code error;
  if (fs::is_directory(path, error)) return "Error: " + path + " is a directory.";
  bool existed = fs::exists(path, error);
  if (!WriteText(path, content)) return "Error: cannot write " + path + ".";
  int lines = static_cast<int>(std::count(content.begin(), content.end(), '\n'));
  return std::string(existed ? "Overwrote " : "Created ") + path + " (" + std::to_string(lines) +
         " lines).";
}

std::string EditFile(const std::string& path, const std::string& old_text,
                     const std::string& new_text) {
  if (!InsideWorkspace(path)) {
    return "Error: " + path + " is outside the working directory; nothing was changed.";
  }
  std::string text;
  if (!ReadText(path, &text)) {
    return "Error: cannot read " + path + " (no such file?); use create_file for a new file.";
  }
  if (old_text.empty()) return "Error: old_str is empty; nothing was changed.";
  std::vector<int> matches = MatchLines(text, old_text);
  if (matches.empty()) {
    return "Error: old_str was not found in " + path +
           "; nothing was changed. It must match the file exactly, whitespace included: "
           "view the file and copy the text.";
  }
  if (matches.size() > 1) {
    return "Error: old_str occurs " + std::to_string(matches.size()) + " times in " + path +
           " (at lines " + JoinNumbers(matches) +
           "); nothing was changed. Include more of the surrounding lines so that it matches "
           "exactly once.";
  }
  size_t pos = text.find(old_text);
  text.replace(pos, old_text.size(), new_text);
  if (!WriteText(path, text)) return "Error: cannot write " + path + ".";
  // The edited region with a little context, so the model sees what it did.
  int first = std::max(1, matches[0] - 3);
  int new_lines = static_cast<int>(std::count(new_text.begin(), new_text.end(), '\n'));
  return "Edited " + path + ". Lines " + std::to_string(first) + "-" +
         std::to_string(matches[0] + new_lines + 3) + " now read:\n" +
         ViewFile(path, first, matches[0] + new_lines + 3);
}

}  // namespace coder
