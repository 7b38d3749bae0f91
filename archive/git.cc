#include "archive/git.h"

#include <mutex>

#include <fmt/format.h>

namespace clade::archive::git {

void EnsureInitialised() {
  static std::once_flag once;
  std::call_once(once, [] {
    git_libgit2_init();
    // Objects are written as temporary files renamed into place, so a killed writer
    // never leaves a torn object; fsync buys power-loss durability as well.
    git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, 0);
    // The archive verifies what it reads by design (trees it wrote itself); hashing every
    // object on read again would double the cost of opening a large archive.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
    // Strict creation checks that every object a new tree or commit names exists: one
    // file-system probe per entry, which made each note (a 256-entry fan-out tree) cost
    // milliseconds. Every id clade writes into a tree comes from an object it just wrote.
    git_libgit2_opts(GIT_OPT_ENABLE_STRICT_OBJECT_CREATION, 0);
  });
}

Error LastError(std::string_view what) {
  const git_error* error = git_error_last();
  std::string detail = error && error->message ? error->message : "unknown libgit2 error";
  return Error{ErrorKind::kFailure, fmt::format("{}: {}", what, detail)};
}

Result<> Check(int code, std::string_view what) {
  if (code >= 0) return {};
  return tl::unexpected(LastError(what));
}

std::string ToHex(const git_oid& oid) {
  char hex[GIT_OID_HEXSZ + 1];
  git_oid_tostr(hex, sizeof hex, &oid);
  return hex;
}

Result<git_oid> FromHex(std::string_view hex) {
  git_oid oid;
  if (hex.size() != GIT_OID_HEXSZ || git_oid_fromstrn(&oid, hex.data(), hex.size()) != 0) {
    return FailAs(ErrorKind::kUsage, "'{}' is not a full object id", hex);
  }
  return oid;
}

}  // namespace clade::archive::git
