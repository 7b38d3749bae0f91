#include "sandbox/slot.h"

#include <cerrno>
#include <utility>

#include <fmt/format.h>
#include <linux/magic.h>
#include <sys/mount.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

// Whether `dir` is the root of a mounted file system (its device differs from its
// parent's).
bool IsMountPoint(const fs::path& dir) {
  struct stat self, parent;
  if (::lstat(dir.c_str(), &self) != 0 || !S_ISDIR(self.st_mode)) return false;
  if (::lstat(dir.parent_path().c_str(), &parent) != 0) return false;
  return self.st_dev != parent.st_dev;
}

Result<> Empty(const fs::path& dir) {
  std::error_code error;
  fs::create_directories(dir, error);
  if (error) return Fail("cannot create the build slot {}: {}", dir.string(), error.message());
  for (fs::directory_iterator it(dir, error); !error && it != fs::directory_iterator();
       it.increment(error)) {
    std::error_code ignored;
    fs::remove_all(it->path(), ignored);
    if (ignored) {
      return Fail("cannot empty the build slot {}: {}: {}", dir.string(), it->path().string(),
                  ignored.message());
    }
  }
  if (error) return Fail("cannot read the build slot {}: {}", dir.string(), error.message());
  return {};
}

bool MountTmpfs(const fs::path& dir, uint64_t bytes) {
  std::string options = fmt::format("size={}k,mode=0755", (bytes + 1023) / 1024);
  return ::mount("clade-slot", dir.c_str(), "tmpfs", MS_NOSUID | MS_NODEV, options.c_str()) == 0;
}

// Unmounts the tmpfs slots mounted on `dir` (never another kind of file system).
void Unmount(const fs::path& dir) {
  struct statfs info;
  while (IsMountPoint(dir) && ::statfs(dir.c_str(), &info) == 0 && info.f_type == TMPFS_MAGIC &&
         ::umount2(dir.c_str(), MNT_DETACH) == 0) {
  }
}

}  // namespace

Result<Slot> Slot::Open(const fs::path& dir, uint64_t disk_bytes) {
  fs::path absolute = fs::absolute(dir).lexically_normal();
  if (absolute.filename().empty()) absolute = absolute.parent_path();
  Unmount(absolute);  // left by a process that died while it held the slot
  CLADE_TRY(Empty(absolute));
  bool capped = CurrentDiskCap().available && MountTmpfs(absolute, disk_bytes);
  Slot slot(absolute, disk_bytes, capped);
  CLADE_TRY(Empty(slot.logs()));
  std::error_code error;
  fs::create_directories(slot.tasks(), error);
  if (error) return Fail("cannot create {}: {}", slot.tasks().string(), error.message());
  return slot;
}

Slot::Slot(Slot&& other) noexcept
    : dir_(std::exchange(other.dir_, {})),
      disk_bytes_(other.disk_bytes_),
      capped_(std::exchange(other.capped_, false)) {}

Slot::~Slot() {
  if (dir_.empty()) return;
  if (capped_) Unmount(dir_);
  (void)Empty(dir_);
  (void)Empty(logs());
}

fs::path Slot::logs() const {
  return dir_.parent_path() / (dir_.filename().string() + ".logs");
}

bool FileSystemFull(const fs::path& path) {
  struct statvfs info;
  if (::statvfs(path.c_str(), &info) != 0) return false;
  return static_cast<uint64_t>(info.f_bavail) * info.f_frsize < (64u << 10);
}

const DiskCap& CurrentDiskCap() {
  static const DiskCap cap = [] {
    DiskCap result;
    if (::geteuid() != 0) {
      result.how = "not root: a tmpfs cannot be mounted, slots are plain directories";
      return result;
    }
    TempDir probe("clade-disk-probe");
    if (!MountTmpfs(probe.path(), 1 << 20)) {
      result.how = fmt::format("mounting a tmpfs failed ({})", ErrnoText(errno));
      return result;
    }
    Unmount(probe.path());
    result.available = true;
    result.how = "each slot is a tmpfs of sandbox.disk_mb";
    return result;
  }();
  return cap;
}

}  // namespace clade::sandbox
