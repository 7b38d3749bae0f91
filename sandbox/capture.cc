#include "sandbox/capture.h"

#include <algorithm>
#include <cerrno>

#include <fcntl.h>
#include <unistd.h>

#include "support/fs.h"

namespace clade::sandbox {

Result<CappedCapture> CappedCapture::Open(const fs::path& path, uint64_t cap) {
  Fd file(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
  if (!file) return Fail("cannot create {}: {}", path.string(), ErrnoText(errno));
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return Fail("cannot make a pipe: {}", ErrnoText(errno));
  Fd read(fds[0]), write(fds[1]);
  if (::fcntl(read.get(), F_SETFL, O_NONBLOCK) != 0) {
    return Fail("cannot make a pipe non-blocking: {}", ErrnoText(errno));
  }
  return CappedCapture(path, cap, std::move(file), std::move(read), std::move(write));
}

Result<> CappedCapture::Keep(const char* data, uint64_t size) {
  uint64_t room = total_ < cap_ ? cap_ - total_ : 0;
  uint64_t keep = std::min(room, size);
  total_ += size;
  while (keep > 0) {
    ssize_t n = ::write(file_.get(), data, keep);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail("cannot write {}: {}", path_.string(), ErrnoText(errno));
    data += n;
    keep -= static_cast<uint64_t>(n);
  }
  return {};
}

Result<bool> CappedCapture::Pump() {
  char buffer[65536];
  // Bounded, so a flood on one pipe cannot starve the caller's other duties.
  for (int round = 0; round < 64; ++round) {
    ssize_t n = ::read(read_.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return true;
    if (n < 0) return Fail("cannot read output for {}: {}", path_.string(), ErrnoText(errno));
    if (n == 0) return false;
    CLADE_TRY(Keep(buffer, static_cast<uint64_t>(n)));
  }
  return true;
}

}  // namespace clade::sandbox
