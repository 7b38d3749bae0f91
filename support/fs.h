// Small file-system helpers with errors as values. Every message names the path.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "support/error.h"

namespace clade {

namespace fs = std::filesystem;

// Reads a whole file.
Result<std::string> ReadFile(const fs::path& path);

// Writes a whole file so that readers see the old content or the new, never a mix:
// writes a temporary beside it, fsyncs, then renames over the target.
Result<> WriteFileAtomic(const fs::path& path, std::string_view content);

// Writes a whole file in place (creating or truncating it), with the given mode.
Result<> WriteFile(const fs::path& path, std::string_view content, int mode = 0644);

// A fresh directory under $TMPDIR (or /tmp) removed with its contents on destruction.
class TempDir {
 public:
  // Throws Fatal if the directory cannot be made (only used in tests and tools).
  explicit TempDir(std::string_view prefix = "clade");
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The text of errno as a short phrase ("No such file or directory").
std::string ErrnoText(int err);

}  // namespace clade
