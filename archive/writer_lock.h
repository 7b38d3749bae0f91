// The archive's single-writer lock: an flock(2) on <archive>/clade.lock. The kernel drops
// it when the holder dies, so a killed writer never leaves the archive locked. The file
// holds a line describing the holder, which a refused writer shows.
#pragma once

#include <filesystem>
#include <string>

#include "support/error.h"
#include "support/fd.h"

namespace clade::archive {

class WriterLock {
 public:
  // Takes the lock without waiting. Errors: kBusy naming the holder ("pid 123, clade run
  // quickstart, since 2026-11-22 10:00:00 UTC") if another process holds it.
  static Result<WriterLock> Acquire(const std::filesystem::path& archive,
                                    const std::string& holder);

  WriterLock(WriterLock&&) = default;
  WriterLock& operator=(WriterLock&&) = default;

 private:
  explicit WriterLock(Fd fd) : fd_(std::move(fd)) {}
  Fd fd_;
};

}  // namespace clade::archive
