#include "sandbox/tree_sync.h"

#include <set>

#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

bool SameFile(const fs::path& a, const fs::path& b) {
  std::error_code error;
  auto status_a = fs::symlink_status(a, error);
  auto status_b = fs::symlink_status(b, error);
  if (error || status_a.type() != status_b.type()) return false;
  if (fs::is_symlink(status_a)) return fs::read_symlink(a, error) == fs::read_symlink(b, error);
  if (status_a.permissions() != status_b.permissions()) return false;
  if (fs::file_size(a, error) != fs::file_size(b, error)) return false;
  auto content_a = ReadFile(a);
  auto content_b = ReadFile(b);
  return content_a && content_b && *content_a == *content_b;
}

Result<> CopyEntry(const fs::path& from, const fs::path& to) {
  std::error_code error;
  fs::remove_all(to, error);
  auto status = fs::symlink_status(from, error);
  if (fs::is_symlink(status)) {
    fs::create_symlink(fs::read_symlink(from, error), to, error);
  } else {
    fs::copy_file(from, to, fs::copy_options::overwrite_existing, error);
    if (!error) fs::permissions(to, status.permissions(), error);
  }
  if (error) return Fail("cannot copy {} to {}: {}", from.string(), to.string(), error.message());
  return {};
}

// Each filesystem call has its own error_code: one shared across calls made a successful
// sync fail with the ENOENT of a lookup that was expected to miss (a new subdirectory).
Result<> Sync(const fs::path& source, const fs::path& target, SyncStats* stats) {
  std::error_code error;
  fs::create_directories(target, error);
  if (error) return Fail("cannot create {}: {}", target.string(), error.message());
  std::set<std::string> names;
  fs::directory_iterator it(source, error);
  for (; !error && it != fs::directory_iterator(); it.increment(error)) {
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    names.insert(name);
    fs::path to = target / name;
    std::error_code ignored;
    if (entry.is_directory(ignored) && !entry.is_symlink(ignored)) {
      auto existing = fs::symlink_status(to, ignored);
      if (fs::exists(existing) && !fs::is_directory(existing)) fs::remove_all(to, ignored);
      CLADE_TRY(Sync(entry.path(), to, stats));
    } else if (SameFile(entry.path(), to)) {
      stats->kept++;
    } else {
      CLADE_TRY(CopyEntry(entry.path(), to));
      stats->written++;
    }
  }
  if (error) return Fail("cannot read {}: {}", source.string(), error.message());
  std::vector<fs::path> stale;
  fs::directory_iterator old(target, error);
  for (; !error && old != fs::directory_iterator(); old.increment(error)) {
    if (names.count(old->path().filename().string()) == 0) stale.push_back(old->path());
  }
  if (error) return Fail("cannot read {}: {}", target.string(), error.message());
  for (const fs::path& path : stale) {
    fs::remove_all(path, error);
    if (error) return Fail("cannot remove {}: {}", path.string(), error.message());
    stats->removed++;
  }
  return {};
}

}  // namespace

Result<SyncStats> SyncDirectory(const fs::path& source, const fs::path& target) {
  if (!fs::is_directory(source)) {
    return FailAs(ErrorKind::kNotFound, "{} is not a directory", source.string());
  }
  SyncStats stats;
  CLADE_TRY(Sync(source, target, &stats));
  return stats;
}

Result<> CopyTree(const fs::path& source, const fs::path& target) {
  if (fs::exists(target)) return Fail("cannot copy into {}: it exists", target.string());
  std::error_code error;
  fs::copy(source, target, fs::copy_options::recursive | fs::copy_options::copy_symlinks, error);
  if (error) {
    return Fail("cannot copy {} to {}: {}", source.string(), target.string(), error.message());
  }
  return {};
}

}  // namespace clade::sandbox
