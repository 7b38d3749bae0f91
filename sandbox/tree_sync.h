// Keeping a copy of a directory in step with a source directory, writing only what differs
// (an agent's source into its build slot). Symlinks are copied as links, never followed.
#pragma once

#include <filesystem>

#include "support/error.h"

namespace clade::sandbox {

struct SyncStats {
  int written = 0;  // files created or whose content or mode changed
  int removed = 0;  // files and directories no longer in the source
  int kept = 0;     // files left untouched (mtime preserved)
};

// Makes `target` hold exactly the files of `source` (regular files, symlinks,
// directories; modes kept). Files whose content and mode are already equal are not
// touched. `target` is created if needed.
Result<SyncStats> SyncDirectory(const std::filesystem::path& source,
                                const std::filesystem::path& target);

// Copies a directory tree (regular files, symlinks as symlinks, directories), failing if
// `target` exists.
Result<> CopyTree(const std::filesystem::path& source, const std::filesystem::path& target);

}  // namespace clade::sandbox
