// The tamper monitor: what a step must not change, read before and after it. A step that
// changes a watched file (a task's protected files during the agent's run, the agent's
// source during a build) is recorded as tampered, never a silent pass or failure
// (docs/evaluation.md, "Tampering").
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/error.h"

namespace clade::sandbox {

// One change a step made to a watched file.
struct Tamper {
  std::string step;    // "build", "agent", "self"
  std::string task;    // the task id (empty for a build or the self mutator)
  std::string path;    // relative to the watched directory
  std::string change;  // "modified", "deleted", "added"
};

// The watched files of a directory: each regular file's bytes, each symlink's target
// (links are never followed), keyed by '/'-separated relative path. Bytes, not a hash:
// a fast hash could be collided by a program that has read this code.
class WatchedFiles {
 public:
  // The files of `dir` that match any of `globs` (support/glob.h); every file when `globs`
  // is empty. Files are read beneath `dir` without following symlinks. A file or folder
  // that cannot be read is recorded as such (so a step that makes one unreadable shows
  // as a change); an error only when `dir` itself is not a readable directory.
  static Result<WatchedFiles> Read(const std::filesystem::path& dir,
                                   const std::vector<std::string>& globs);

  // The changes from this reading to `after`, as `step` of `task` made them.
  std::vector<Tamper> ChangesTo(const WatchedFiles& after, const std::string& step,
                                const std::string& task) const;
  size_t size() const { return files_.size(); }

 private:
  std::map<std::string, std::string> files_;  // path -> "f" + bytes, or "l" + link target
};

}  // namespace clade::sandbox
