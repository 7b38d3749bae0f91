// RAII owners for libgit2 handles and the conversion of libgit2 errors into clade errors.
// Internal to archive/; nothing outside archive/ includes libgit2.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <git2.h>

#include "support/error.h"

namespace clade::archive::git {

// Initialises libgit2 once per process (thread-safe, idempotent).
void EnsureInitialised();

template <typename T, void (*Free)(T*)>
struct Deleter {
  void operator()(T* handle) const { Free(handle); }
};

template <typename T, void (*Free)(T*)>
using Handle = std::unique_ptr<T, Deleter<T, Free>>;

using Repository = Handle<git_repository, git_repository_free>;
using Commit = Handle<git_commit, git_commit_free>;
using Tree = Handle<git_tree, git_tree_free>;
using Blob = Handle<git_blob, git_blob_free>;
using Reference = Handle<git_reference, git_reference_free>;
using ReferenceIterator = Handle<git_reference_iterator, git_reference_iterator_free>;
using Signature = Handle<git_signature, git_signature_free>;
using Diff = Handle<git_diff, git_diff_free>;
using TreeBuilder = Handle<git_treebuilder, git_treebuilder_free>;
using Refdb = Handle<git_refdb, git_refdb_free>;
using Object = Handle<git_object, git_object_free>;
using Odb = Handle<git_odb, git_odb_free>;
using OdbObject = Handle<git_odb_object, git_odb_object_free>;

// Owns a git_buf's memory.
class Buf {
 public:
  Buf() = default;
  ~Buf() { git_buf_dispose(&buf_); }
  Buf(const Buf&) = delete;
  Buf& operator=(const Buf&) = delete;
  git_buf* get() { return &buf_; }
  std::string_view view() const { return {buf_.ptr ? buf_.ptr : "", buf_.size}; }

 private:
  git_buf buf_ = GIT_BUF_INIT;
};

// The last libgit2 error, as a clade error whose message starts with `what`.
Error LastError(std::string_view what);

// Returns {} if code >= 0, otherwise LastError(what).
Result<> Check(int code, std::string_view what);

std::string ToHex(const git_oid& oid);
Result<git_oid> FromHex(std::string_view hex);

}  // namespace clade::archive::git
