// Moving source trees between the file system and the object database, and small tree
// edits. Internal to archive/.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "archive/git.h"
#include "support/error.h"

namespace clade::archive {

// One change to a tree: new blob content and mode, or nullopt to remove the path.
struct BlobChange {
  std::string data;
  git_filemode_t mode = GIT_FILEMODE_BLOB;
};
using TreeUpdate = std::map<std::string, std::optional<BlobChange>>;

// Stores `directory` recursively as a tree: regular files (executable bit kept), symlinks
// (as links), subdirectories; `.git` and empty directories are skipped. Any other kind of
// file is an error naming it.
Result<git_oid> WriteDirectoryTree(git_repository* repo, const std::filesystem::path& directory);

// The id of the empty tree, written if needed.
Result<git_oid> EmptyTree(git_repository* repo);

// `base` (or the empty tree) with `update` applied; intermediate trees are created and
// emptied ones dropped. Removing a path that does not exist is an error naming it.
Result<git_oid> WriteUpdatedTree(git_repository* repo, const std::optional<git_oid>& base,
                                 const TreeUpdate& update);

// Writes `tree` into `directory` (created; must not exist or be empty).
Result<> ExportTree(git_repository* repo, const git_oid& tree,
                    const std::filesystem::path& directory);

// Makes `directory` (created if needed) hold exactly `tree`: files already equal in
// content and mode are not touched, others are rewritten in place, extra entries removed.
Result<> SyncTree(git_repository* repo, const git_oid& tree,
                  const std::filesystem::path& directory);

// The content of the blob at `path` in `tree`, or nullopt if there is none.
Result<std::optional<std::string>> ReadBlobAt(git_repository* repo, const git_oid& tree,
                                              std::string_view path);

// Every blob path in `tree` (recursively), sorted.
Result<std::vector<std::string>> ListBlobs(git_repository* repo, const git_oid& tree);

// Checks a '/'-separated relative path for use in a tree: no empty, ".", ".." or ".git"
// components, no leading '/'. Error (kUsage) names the path.
Result<> CheckTreePath(std::string_view path);

}  // namespace clade::archive
