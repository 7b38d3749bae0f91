#include "engine/cli/work_dir.h"

#include <cerrno>
#include <cstdlib>

#include <fcntl.h>
#include <sys/file.h>

#include "support/fs.h"

namespace clade::cli {

std::filesystem::path WorkDirectory(const std::string& flag) {
  if (!flag.empty()) return std::filesystem::absolute(flag);
  const char* cache = std::getenv("XDG_CACHE_HOME");
  if (cache && *cache) return std::filesystem::path(cache) / "clade" / "work";
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home && *home ? home : "/tmp") / ".cache" / "clade" / "work";
}

Result<SlotClaim> ClaimSlot(const std::filesystem::path& work) {
  std::error_code error;
  std::filesystem::create_directories(work, error);
  if (error) return Fail("cannot create the work directory {}: {}", work.string(), error.message());
  for (int slot = 0; slot < 64; ++slot) {
    auto path = work / ("slot-" + std::to_string(slot) + ".lock");
    Fd fd(::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644));
    if (!fd) return Fail("cannot open {}: {}", path.string(), ErrnoText(errno));
    if (::flock(fd.get(), LOCK_EX | LOCK_NB) == 0) return SlotClaim{slot, std::move(fd)};
  }
  return FailAs(ErrorKind::kBusy, "all 64 build slots of {} are in use", work.string());
}

}  // namespace clade::cli
