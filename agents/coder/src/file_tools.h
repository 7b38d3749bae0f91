// The file tools the model calls: view a file (numbered lines, a range) or a directory,
// create or overwrite a file, and edit a file by replacing one exact, unique string.
// Each returns the text sent back to the model: the result, or a sentence starting with
// "Error:" that says what was wrong and that nothing was changed.
// Paths are relative to the working directory (the task's workspace); files may only be
// written inside it.
#pragma once

#include <string>

namespace coder {

// Lines of a file shown at once when no range is asked for.
inline constexpr int kViewMaxLines = 400;
// Entries listed for a directory.
inline constexpr int kListMaxEntries = 200;

// `start_line`, `end_line`: 1-based, inclusive; 0 means the file's start / end.
std::string ViewFile(const std::string& path, int start_line, int end_line);
std::string CreateFile(const std::string& path, const std::string& content);
std::string EditFile(const std::string& path, const std::string& old_text,
                     const std::string& new_text);

// The files under `dir`, one relative path per line, hidden entries and build
// directories left out, at most kListMaxEntries.
std::string ListFiles(const std::string& dir);

}  // namespace coder
