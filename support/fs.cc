#include "support/fs.h"

#include <cerrno>
#include <cstring>
#include <system_error>

#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/fd.h"

namespace clade {

std::string ErrnoText(int err) {
  return std::strerror(err);
}

Result<std::string> ReadFile(const fs::path& path) {
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC));
  if (!fd) {
    int err = errno;
    return FailAs(err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kFailure, "cannot read {}: {}",
                  path.string(), ErrnoText(err));
  }
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail("cannot read {}: {}", path.string(), ErrnoText(errno));
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
  }
  return content;
}

static Result<> WriteAll(int fd, std::string_view content, const fs::path& path) {
  while (!content.empty()) {
    ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail("cannot write {}: {}", path.string(), ErrnoText(errno));
    content.remove_prefix(static_cast<size_t>(n));
  }
  return {};
}

Result<> WriteFile(const fs::path& path, std::string_view content, int mode) {
  Fd fd(::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode));
  if (!fd) return Fail("cannot write {}: {}", path.string(), ErrnoText(errno));
  return WriteAll(fd.get(), content, path);
}

Result<> WriteFileAtomic(const fs::path& path, std::string_view content) {
  fs::path temp = path;
  temp += ".tmp" + std::to_string(::getpid());
  {
    Fd fd(::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644));
    if (!fd) return Fail("cannot write {}: {}", temp.string(), ErrnoText(errno));
    CLADE_TRY(WriteAll(fd.get(), content, temp));
    if (::fsync(fd.get()) != 0) {
      return Fail("cannot sync {}: {}", temp.string(), ErrnoText(errno));
    }
  }
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    int err = errno;
    ::unlink(temp.c_str());
    return Fail("cannot replace {}: {}", path.string(), ErrnoText(err));
  }
  return {};
}

TempDir::TempDir(std::string_view prefix) {
  const char* base = std::getenv("TMPDIR");
  std::string pattern = fmt::format("{}/{}-XXXXXX", base && *base ? base : "/tmp", prefix);
  if (::mkdtemp(pattern.data()) == nullptr) {
    throw Fatal(
        fmt::format("cannot create a temporary directory {}: {}", pattern, ErrnoText(errno)));
  }
  path_ = pattern;
}

TempDir::~TempDir() {
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

}  // namespace clade
