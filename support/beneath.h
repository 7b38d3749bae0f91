// Opening, reading and removing paths inside a directory that an untrusted program could
// have changed (a task's workspace): resolved beneath the directory and never through a
// symlink, so a planted link (`reports -> /etc`) is an error, never a read or a delete
// on the host. Uses openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS); on kernels without it,
// an equivalent walk one component at a time with O_NOFOLLOW.
#pragma once

#include <cstddef>
#include <filesystem>
#include <string>

#include "support/error.h"
#include "support/fd.h"

namespace clade {

// Opens `relative` (no "..", not absolute) beneath `root` with `flags` (O_CLOEXEC is
// added). A symlink anywhere on the way, `root` itself excepted, is an error (ELOOP
// named as "a symlink"); so is a path that leaves `root`. Errors name root and path.
Result<Fd> OpenBeneath(const std::filesystem::path& root, const std::filesystem::path& relative,
                       int flags);

// Reads a regular file beneath `root`, at most `max_bytes` (an error past that).
Result<std::string> ReadFileBeneath(const std::filesystem::path& root,
                                    const std::filesystem::path& relative, size_t max_bytes);

// Removes a file, a symlink (the link itself) or a whole directory tree beneath `root`;
// nothing there is fine. Never follows a symlink: a link on the way to `relative` is an
// error and nothing is removed.
Result<> RemoveBeneath(const std::filesystem::path& root, const std::filesystem::path& relative);

}  // namespace clade
