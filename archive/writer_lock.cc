#include "archive/writer_lock.h"

#include <cerrno>
#include <ctime>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::archive {
namespace {

std::string HolderLine(const std::string& holder) {
  std::time_t now = std::time(nullptr);
  char when[64];
  std::strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S UTC", std::gmtime(&now));
  return fmt::format("pid {}, {}, since {}\n", ::getpid(), holder, when);
}

}  // namespace

Result<WriterLock> WriterLock::Acquire(const std::filesystem::path& archive,
                                       const std::string& holder) {
  std::filesystem::path path = archive / "clade.lock";
  Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
  if (!fd) return Fail("cannot open the archive lock {}: {}", path.string(), ErrnoText(errno));
  if (::flock(fd.get(), LOCK_EX | LOCK_NB) != 0) {
    if (errno != EWOULDBLOCK) {
      return Fail("cannot lock the archive {}: {}", archive.string(), ErrnoText(errno));
    }
    auto content = ReadFile(path);
    std::string who = content ? std::string(Trim(*content)) : "";
    if (who.empty()) who = "another process";
    return FailAs(ErrorKind::kBusy, "the archive {} is being written by {}", archive.string(), who);
  }
  std::string line = HolderLine(holder);
  if (::ftruncate(fd.get(), 0) != 0 ||
      ::pwrite(fd.get(), line.data(), line.size(), 0) != static_cast<ssize_t>(line.size())) {
    return Fail("cannot write the archive lock {}: {}", path.string(), ErrnoText(errno));
  }
  return WriterLock(std::move(fd));
}

}  // namespace clade::archive
