#include "archive/tree_io.h"

#include <cerrno>
#include <set>
#include <vector>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::archive {
namespace {

namespace fs = std::filesystem;

Result<git_oid> WriteBlob(git_repository* repo, std::string_view data, const std::string& what) {
  git_oid oid;
  CLADE_TRY(git::Check(git_blob_create_from_buffer(&oid, repo, data.data(), data.size()), what));
  return oid;
}

Result<> InsertEntry(git_treebuilder* builder, const std::string& name, const git_oid& oid,
                     git_filemode_t mode, const fs::path& path) {
  return git::Check(git_treebuilder_insert(nullptr, builder, name.c_str(), &oid, mode),
                    "cannot store " + path.string());
}

// Returns nullopt for a directory with nothing to store.
Result<std::optional<git_oid>> WriteDirectory(git_repository* repo, const fs::path& directory) {
  git_treebuilder* raw = nullptr;
  CLADE_TRY(git::Check(git_treebuilder_new(&raw, repo, nullptr), "cannot build a tree"));
  git::TreeBuilder builder(raw);
  std::error_code error;
  fs::directory_iterator it(directory, error);
  if (error) return Fail("cannot read the directory {}: {}", directory.string(), error.message());
  for (const fs::directory_entry& entry : it) {
    const fs::path& path = entry.path();
    std::string name = path.filename().string();
    if (name == ".git") continue;
    struct stat info;
    if (::lstat(path.c_str(), &info) != 0) {
      return Fail("cannot inspect {}: {}", path.string(), ErrnoText(errno));
    }
    if (S_ISDIR(info.st_mode)) {
      auto subtree = CLADE_TRY(WriteDirectory(repo, path));
      if (subtree) CLADE_TRY(InsertEntry(builder.get(), name, *subtree, GIT_FILEMODE_TREE, path));
    } else if (S_ISREG(info.st_mode)) {
      git_oid oid;
      CLADE_TRY(git::Check(git_blob_create_from_disk(&oid, repo, path.c_str()),
                           "cannot store " + path.string()));
      bool executable = (info.st_mode & S_IXUSR) != 0;
      CLADE_TRY(InsertEntry(builder.get(), name, oid,
                            executable ? GIT_FILEMODE_BLOB_EXECUTABLE : GIT_FILEMODE_BLOB, path));
    } else if (S_ISLNK(info.st_mode)) {
      std::string target(static_cast<size_t>(info.st_size) + 1, '\0');
      ssize_t n = ::readlink(path.c_str(), target.data(), target.size());
      if (n < 0) return Fail("cannot read the link {}: {}", path.string(), ErrnoText(errno));
      target.resize(static_cast<size_t>(n));
      git_oid oid = CLADE_TRY(WriteBlob(repo, target, "cannot store " + path.string()));
      CLADE_TRY(InsertEntry(builder.get(), name, oid, GIT_FILEMODE_LINK, path));
    } else {
      return FailAs(ErrorKind::kUsage, "{} is not a file, directory or symlink", path.string());
    }
  }
  if (git_treebuilder_entrycount(builder.get()) == 0) return std::optional<git_oid>();
  git_oid tree;
  CLADE_TRY(git::Check(git_treebuilder_write(&tree, builder.get()),
                       "cannot store " + directory.string()));
  return std::optional<git_oid>(tree);
}

Result<git::Tree> LookupTree(git_repository* repo, const git_oid& oid) {
  git_tree* tree = nullptr;
  CLADE_TRY(git::Check(git_tree_lookup(&tree, repo, &oid), "cannot read tree " + git::ToHex(oid)));
  return git::Tree(tree);
}

Result<> CheckEntryName(std::string_view name, const fs::path& where) {
  if (name.empty() || name == "." || name == ".." || name == ".git" ||
      name.find('/') != std::string_view::npos) {
    return Fail("refusing to write the tree entry '{}' into {}", name, where.string());
  }
  return {};
}

Result<> ExportEntries(git_repository* repo, const git_tree* tree, const fs::path& directory) {
  size_t count = git_tree_entrycount(tree);
  for (size_t i = 0; i < count; ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
    std::string_view name = git_tree_entry_name(entry);
    CLADE_TRY(CheckEntryName(name, directory));
    fs::path path = directory / name;
    git_filemode_t mode = git_tree_entry_filemode(entry);
    if (mode == GIT_FILEMODE_TREE) {
      if (::mkdir(path.c_str(), 0755) != 0) {
        return Fail("cannot create {}: {}", path.string(), ErrnoText(errno));
      }
      auto subtree = CLADE_TRY(LookupTree(repo, *git_tree_entry_id(entry)));
      CLADE_TRY(ExportEntries(repo, subtree.get(), path));
      continue;
    }
    if (mode == GIT_FILEMODE_COMMIT) continue;  // submodules are not part of an agent
    git_blob* raw = nullptr;
    CLADE_TRY(git::Check(git_blob_lookup(&raw, repo, git_tree_entry_id(entry)),
                         "cannot read " + path.string()));
    git::Blob blob(raw);
    std::string_view data(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                          static_cast<size_t>(git_blob_rawsize(blob.get())));
    if (mode == GIT_FILEMODE_LINK) {
      if (::symlink(std::string(data).c_str(), path.c_str()) != 0) {
        return Fail("cannot create the link {}: {}", path.string(), ErrnoText(errno));
      }
      continue;
    }
    int file_mode = mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755 : 0644;
    CLADE_TRY(WriteFile(path, data, file_mode));
    // The umask may have removed bits that the tree asks for.
    if (::chmod(path.c_str(), static_cast<mode_t>(file_mode)) != 0) {
      return Fail("cannot set the mode of {}: {}", path.string(), ErrnoText(errno));
    }
  }
  return {};
}

// Whether `path` already is a regular file with `data` and the permission bits `mode`.
bool SameFile(const fs::path& path, std::string_view data, int mode) {
  struct stat info {};
  if (::lstat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) return false;
  if ((info.st_mode & 0777) != static_cast<mode_t>(mode)) return false;
  if (static_cast<size_t>(info.st_size) != data.size()) return false;
  auto text = ReadFile(path);
  return text && *text == data;
}

// Removes whatever is at `path` unless it is a directory (or nothing is there).
Result<> ClearUnlessDirectory(const fs::path& path) {
  std::error_code error;
  auto status = fs::symlink_status(path, error);
  if (error || !fs::exists(status) || fs::is_directory(status)) return {};
  fs::remove(path, error);
  if (error) return Fail("cannot remove {}: {}", path.string(), error.message());
  return {};
}

Result<> SyncEntries(git_repository* repo, const git_tree* tree, const fs::path& directory) {
  std::set<std::string> names;
  size_t count = git_tree_entrycount(tree);
  for (size_t i = 0; i < count; ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
    std::string_view name = git_tree_entry_name(entry);
    CLADE_TRY(CheckEntryName(name, directory));
    names.emplace(name);
    fs::path path = directory / name;
    git_filemode_t mode = git_tree_entry_filemode(entry);
    std::error_code error;
    if (mode == GIT_FILEMODE_TREE) {
      CLADE_TRY(ClearUnlessDirectory(path));
      fs::create_directories(path, error);
      if (error) return Fail("cannot create {}: {}", path.string(), error.message());
      auto subtree = CLADE_TRY(LookupTree(repo, *git_tree_entry_id(entry)));
      CLADE_TRY(SyncEntries(repo, subtree.get(), path));
      continue;
    }
    if (mode == GIT_FILEMODE_COMMIT) continue;
    git_blob* raw = nullptr;
    CLADE_TRY(git::Check(git_blob_lookup(&raw, repo, git_tree_entry_id(entry)),
                         "cannot read " + path.string()));
    git::Blob blob(raw);
    std::string_view data(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                          static_cast<size_t>(git_blob_rawsize(blob.get())));
    int file_mode = mode == GIT_FILEMODE_BLOB_EXECUTABLE ? 0755 : 0644;
    if (mode != GIT_FILEMODE_LINK && SameFile(path, data, file_mode)) continue;
    if (fs::is_directory(fs::symlink_status(path, error))) fs::remove_all(path, error);
    if (mode == GIT_FILEMODE_LINK) {
      fs::remove(path, error);
      if (::symlink(std::string(data).c_str(), path.c_str()) != 0) {
        return Fail("cannot create the link {}: {}", path.string(), ErrnoText(errno));
      }
      continue;
    }
    if (fs::is_symlink(fs::symlink_status(path, error))) fs::remove(path, error);
    CLADE_TRY(WriteFile(path, data, file_mode));
    if (::chmod(path.c_str(), static_cast<mode_t>(file_mode)) != 0) {
      return Fail("cannot set the mode of {}: {}", path.string(), ErrnoText(errno));
    }
  }
  std::error_code error;
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    if (names.count(entry.path().filename().string()) == 0) fs::remove_all(entry.path(), error);
  }
  return {};
}

Result<> ListEntries(git_repository* repo, const git_tree* tree, const std::string& prefix,
                     std::vector<std::string>* paths) {
  size_t count = git_tree_entrycount(tree);
  for (size_t i = 0; i < count; ++i) {
    const git_tree_entry* entry = git_tree_entry_byindex(tree, i);
    std::string path = prefix + git_tree_entry_name(entry);
    if (git_tree_entry_type(entry) == GIT_OBJECT_TREE) {
      auto subtree = CLADE_TRY(LookupTree(repo, *git_tree_entry_id(entry)));
      CLADE_TRY(ListEntries(repo, subtree.get(), path + "/", paths));
    } else if (git_tree_entry_type(entry) == GIT_OBJECT_BLOB) {
      paths->push_back(std::move(path));
    }
  }
  return {};
}

}  // namespace

Result<> CheckTreePath(std::string_view path) {
  if (path.empty() || path.front() == '/') {
    return FailAs(ErrorKind::kUsage, "'{}' is not a relative path", path);
  }
  for (const std::string& part : Split(path, '/')) {
    if (part.empty() || part == "." || part == ".." || part == ".git") {
      return FailAs(ErrorKind::kUsage, "'{}' is not a path inside the agent's source", path);
    }
  }
  return {};
}

Result<git_oid> WriteDirectoryTree(git_repository* repo, const fs::path& directory) {
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return FailAs(ErrorKind::kNotFound, "{} is not a directory", directory.string());
  }
  auto tree = CLADE_TRY(WriteDirectory(repo, directory));
  if (!tree) return FailAs(ErrorKind::kUsage, "{} has no files", directory.string());
  return *tree;
}

Result<git_oid> EmptyTree(git_repository* repo) {
  git_treebuilder* raw = nullptr;
  CLADE_TRY(git::Check(git_treebuilder_new(&raw, repo, nullptr), "cannot build a tree"));
  git::TreeBuilder builder(raw);
  git_oid oid;
  CLADE_TRY(git::Check(git_treebuilder_write(&oid, builder.get()), "cannot write the empty tree"));
  return oid;
}

Result<git_oid> WriteUpdatedTree(git_repository* repo, const std::optional<git_oid>& base,
                                 const TreeUpdate& update) {
  git_oid base_id = base ? *base : CLADE_TRY(EmptyTree(repo));
  auto baseline = CLADE_TRY(LookupTree(repo, base_id));
  std::vector<git_tree_update> updates;
  updates.reserve(update.size());
  for (const auto& [path, change] : update) {
    CLADE_TRY(CheckTreePath(path));
    git_tree_update item{};
    item.path = path.c_str();
    if (change) {
      item.action = GIT_TREE_UPDATE_UPSERT;
      item.filemode = change->mode;
      item.id = CLADE_TRY(WriteBlob(repo, change->data, "cannot store " + path));
    } else {
      git_tree_entry* found = nullptr;
      if (git_tree_entry_bypath(&found, baseline.get(), path.c_str()) != 0) {
        git_error_clear();
        return FailAs(ErrorKind::kUsage, "cannot delete {}: there is no such file", path);
      }
      git_tree_entry_free(found);
      item.action = GIT_TREE_UPDATE_REMOVE;
    }
    updates.push_back(item);
  }
  git_oid out;
  CLADE_TRY(git::Check(
      git_tree_create_updated(&out, repo, baseline.get(), updates.size(), updates.data()),
      "cannot update a tree"));
  return out;
}

Result<> ExportTree(git_repository* repo, const git_oid& tree, const fs::path& directory) {
  std::error_code error;
  if (fs::exists(directory, error) && !fs::is_empty(directory, error)) {
    return FailAs(ErrorKind::kUsage, "{} exists and is not empty", directory.string());
  }
  fs::create_directories(directory, error);
  if (error) return Fail("cannot create {}: {}", directory.string(), error.message());
  auto root = CLADE_TRY(LookupTree(repo, tree));
  return ExportEntries(repo, root.get(), directory);
}

Result<> SyncTree(git_repository* repo, const git_oid& tree, const fs::path& directory) {
  std::error_code error;
  fs::create_directories(directory, error);
  if (error) return Fail("cannot create {}: {}", directory.string(), error.message());
  auto root = CLADE_TRY(LookupTree(repo, tree));
  return SyncEntries(repo, root.get(), directory);
}

Result<std::optional<std::string>> ReadBlobAt(git_repository* repo, const git_oid& tree,
                                              std::string_view path) {
  auto root = CLADE_TRY(LookupTree(repo, tree));
  git_tree_entry* found = nullptr;
  std::string path_string(path);
  if (git_tree_entry_bypath(&found, root.get(), path_string.c_str()) != 0) {
    git_error_clear();
    return std::optional<std::string>();
  }
  git_oid oid = *git_tree_entry_id(found);
  bool is_blob = git_tree_entry_type(found) == GIT_OBJECT_BLOB;
  git_tree_entry_free(found);
  if (!is_blob) return std::optional<std::string>();
  git_blob* raw = nullptr;
  CLADE_TRY(git::Check(git_blob_lookup(&raw, repo, &oid), "cannot read " + path_string));
  git::Blob blob(raw);
  return std::optional<std::string>(
      std::string(static_cast<const char*>(git_blob_rawcontent(blob.get())),
                  static_cast<size_t>(git_blob_rawsize(blob.get()))));
}

Result<std::vector<std::string>> ListBlobs(git_repository* repo, const git_oid& tree) {
  auto root = CLADE_TRY(LookupTree(repo, tree));
  std::vector<std::string> paths;
  CLADE_TRY(ListEntries(repo, root.get(), "", &paths));
  return paths;
}

}  // namespace clade::archive
