// Copies what a child writes to a pipe into a file, up to a cap; the rest is counted and
// discarded, so a flood on stdout can neither fill the disk nor block the child.
#pragma once

#include <cstdint>
#include <filesystem>

#include "support/error.h"
#include "support/fd.h"

namespace clade::sandbox {

namespace fs = std::filesystem;

class CappedCapture {
 public:
  // Makes the pipe and creates (truncates) the file. The pipe's write end goes to the
  // child; its read end is non-blocking and owned here.
  static Result<CappedCapture> Open(const fs::path& path, uint64_t cap);

  // The descriptor to hand to the child (close it in the parent once it is started).
  int write_fd() const { return write_.get(); }
  void CloseWriteEnd() { write_.Close(); }
  int read_fd() const { return read_.get(); }

  // Reads what is available now. Returns false once the pipe is at end of file (every
  // writer has gone), true while it may still deliver data.
  Result<bool> Pump();

  const fs::path& path() const { return path_; }
  uint64_t total_bytes() const { return total_; }
  bool truncated() const { return total_ > cap_; }

 private:
  CappedCapture(fs::path path, uint64_t cap, Fd file, Fd read, Fd write)
      : path_(std::move(path)),
        cap_(cap),
        file_(std::move(file)),
        read_(std::move(read)),
        write_(std::move(write)) {}

  Result<> Keep(const char* data, uint64_t size);

  fs::path path_;
  uint64_t cap_;
  uint64_t total_ = 0;
  Fd file_;
  Fd read_;
  Fd write_;
};

}  // namespace clade::sandbox
