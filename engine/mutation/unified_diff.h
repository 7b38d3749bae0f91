// A unified diff of a proposed child against its parent, in git's patch format, for showing
// a mutation before it is stored (`clade mutate`): libgit2's patch from two buffers, so it
// is the diff git itself would print; the same texts always give the same diff. Clang-free.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace clade::mutation {

// The diff of one file: "diff --git a/P b/P", an "index" line, "--- a/P" / "+++ b/P"
// (/dev/null for a file that is added or deleted, with "new file mode 100644" / "deleted
// file mode 100644"), then
// hunks with `context` lines around each change ("\ No newline at end of file" where git
// writes it). Empty when the texts are equal. `old_text` nullopt: the file is added;
// `new_text` nullopt: it is deleted.
std::string UnifiedDiff(std::string_view path, const std::optional<std::string>& old_text,
                        const std::optional<std::string>& new_text, int context = 3);

// The diffs of several files, in path order: path -> (old text, new text).
std::string UnifiedDiff(
    const std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>>&
        files,
    int context = 3);

}  // namespace clade::mutation
