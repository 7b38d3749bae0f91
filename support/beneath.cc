#include "support/beneath.h"

#include <cerrno>

#include <dirent.h>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "support/fs.h"

namespace clade {
namespace {

namespace fs = std::filesystem;

Result<> CheckRelative(const fs::path& root, const fs::path& relative) {
  bool escapes = relative.empty() || relative.is_absolute();
  for (const auto& part : relative) escapes = escapes || part == "..";
  if (escapes) {
    return FailAs(ErrorKind::kUsage, "{} is not a path inside {}", relative.string(),
                  root.string());
  }
  return {};
}

std::string Why(int err) {
  return err == ELOOP || err == EXDEV ? "a symlink on the way, or it leaves the directory"
                                      : ErrnoText(err);
}

// The component walk, for kernels without openat2: each directory opened O_NOFOLLOW.
int WalkOpen(int dir, const fs::path& relative, int flags) {
  Fd current(::fcntl(dir, F_DUPFD_CLOEXEC, 0));
  std::vector<fs::path> parts(relative.begin(), relative.end());
  for (size_t i = 0; i + 1 < parts.size(); ++i) {
    if (parts[i].empty() || parts[i] == ".") continue;
    Fd next(::openat(current.get(), parts[i].c_str(),
                     O_PATH | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC));
    if (!next) return -1;
    current = std::move(next);
  }
  return ::openat(current.get(), parts.back().c_str(), flags | O_NOFOLLOW);
}

Result<> RemoveTreeAt(int parent, const std::string& name, const fs::path& where) {
  if (::unlinkat(parent, name.c_str(), 0) == 0 || errno == ENOENT) return {};
  if (errno != EISDIR && errno != EPERM) {
    return Fail("cannot remove {}: {}", where.string(), ErrnoText(errno));
  }
  int fd = ::openat(parent, name.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
  if (fd < 0) return Fail("cannot open {}: {}", where.string(), Why(errno));
  DIR* dir = ::fdopendir(fd);
  if (dir == nullptr) {
    ::close(fd);
    return Fail("cannot read {}: {}", where.string(), ErrnoText(errno));
  }
  std::vector<std::string> names;
  while (dirent* entry = ::readdir(dir)) {
    std::string child = entry->d_name;
    if (child != "." && child != "..") names.push_back(child);
  }
  Result<> result;
  for (const std::string& child : names) {
    result = RemoveTreeAt(::dirfd(dir), child, where / child);
    if (!result) break;
  }
  ::closedir(dir);
  CLADE_TRY(result);
  if (::unlinkat(parent, name.c_str(), AT_REMOVEDIR) != 0 && errno != ENOENT) {
    return Fail("cannot remove {}: {}", where.string(), ErrnoText(errno));
  }
  return {};
}

}  // namespace

Result<Fd> OpenBeneath(const fs::path& root, const fs::path& relative, int flags) {
  CLADE_TRY(CheckRelative(root, relative));
  Fd dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (!dir) return Fail("cannot open {}: {}", root.string(), ErrnoText(errno));
  open_how how{};
  how.flags = static_cast<uint64_t>(flags | O_CLOEXEC);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  long fd = ::syscall(SYS_openat2, dir.get(), relative.c_str(), &how, sizeof how);
  if (fd < 0 && errno == ENOSYS) fd = WalkOpen(dir.get(), relative, flags | O_CLOEXEC);
  if (fd < 0) {
    int err = errno;
    return FailAs(err == ENOENT ? ErrorKind::kNotFound : ErrorKind::kFailure,
                  "cannot open {} in {}: {}", relative.string(), root.string(), Why(err));
  }
  return Fd(static_cast<int>(fd));
}

Result<std::string> ReadFileBeneath(const fs::path& root, const fs::path& relative,
                                    size_t max_bytes) {
  Fd fd = CLADE_TRY(OpenBeneath(root, relative, O_RDONLY | O_NONBLOCK));
  struct stat info;
  if (::fstat(fd.get(), &info) != 0 || !S_ISREG(info.st_mode)) {
    return Fail("{} in {} is not a regular file", relative.string(), root.string());
  }
  std::string content;
  char buffer[65536];
  for (;;) {
    ssize_t n = ::read(fd.get(), buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Fail("cannot read {}: {}", (root / relative).string(), ErrnoText(errno));
    if (n == 0) break;
    content.append(buffer, static_cast<size_t>(n));
    if (content.size() > max_bytes) {
      return Fail("{} in {} is larger than {} bytes", relative.string(), root.string(),
                  max_bytes);
    }
  }
  return content;
}

Result<> RemoveBeneath(const fs::path& root, const fs::path& relative) {
  CLADE_TRY(CheckRelative(root, relative));
  fs::path parent = relative.parent_path();
  Fd dir;
  if (parent.empty()) {
    dir = Fd(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (!dir) return Fail("cannot open {}: {}", root.string(), ErrnoText(errno));
  } else {
    auto opened = OpenBeneath(root, parent, O_RDONLY | O_DIRECTORY);
    if (!opened && opened.error().kind == ErrorKind::kNotFound) return {};
    dir = CLADE_TRY(std::move(opened));
  }
  return RemoveTreeAt(dir.get(), relative.filename().string(), root / relative);
}

}  // namespace clade
