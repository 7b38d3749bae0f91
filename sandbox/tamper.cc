#include "sandbox/tamper.h"

#include "support/beneath.h"
#include "support/glob.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

constexpr size_t kMaxWatchedBytes = 64u << 20;  // per file; a larger protected file is an error

}  // namespace

Result<WatchedFiles> WatchedFiles::Read(const fs::path& dir,
                                        const std::vector<std::string>& globs) {
  WatchedFiles watched;
  std::error_code error;
  for (fs::recursive_directory_iterator it(dir, error), end; !error && it != end;
       it.increment(error)) {
    std::string relative = fs::relative(it->path(), dir).generic_string();
    if (!globs.empty() && !GlobMatchAny(globs, relative)) continue;
    std::error_code ignored;
    auto status = it->symlink_status(ignored);
    if (fs::is_symlink(status)) {
      watched.files_[relative] = "l" + fs::read_symlink(it->path(), ignored).string();
    } else if (fs::is_regular_file(status)) {
      // A file the step made unreadable (grown past the cap, a link swapped in on the way)
      // is a change, never an error that would end the evaluation.
      auto bytes = ReadFileBeneath(dir, relative, kMaxWatchedBytes);
      watched.files_[relative] = bytes ? "f" + *bytes : "u" + bytes.error().message;
    } else if (!fs::is_directory(status)) {
      watched.files_[relative] = "o";  // a fifo, socket or device: present, no content
    }
  }
  if (error && !fs::is_directory(dir)) {
    return Fail("cannot read {}: {}", dir.string(), error.message());
  }
  // A folder the step made unreadable stops the walk: recorded as an entry no reading
  // before a step has, so it shows as a change.
  if (error) watched.files_["(unreadable folder)"] = "u" + error.message();
  return watched;
}

std::vector<Tamper> WatchedFiles::ChangesTo(const WatchedFiles& after, const std::string& step,
                                            const std::string& task) const {
  std::vector<Tamper> changes;
  for (const auto& [path, content] : files_) {
    auto now = after.files_.find(path);
    if (now == after.files_.end()) {
      changes.push_back({step, task, path, "deleted"});
    } else if (now->second != content) {
      changes.push_back({step, task, path, "modified"});
    }
  }
  for (const auto& [path, content] : after.files_) {
    if (!files_.count(path)) changes.push_back({step, task, path, "added"});
  }
  return changes;
}

}  // namespace clade::sandbox
