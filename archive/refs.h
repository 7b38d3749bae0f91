// Reference helpers: compare-and-swap updates and commit chains (a ref whose history is a
// line of commits, each holding the whole current content). Internal to archive/.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "archive/git.h"
#include "archive/tree_io.h"
#include "support/error.h"

namespace clade::archive {

// The object a ref points at, or nullopt if the ref does not exist.
Result<std::optional<git_oid>> ReadRef(git_repository* repo, const std::string& name);

// Points `name` at `target` if it currently points at `expected` (nullopt: if it does not
// exist yet). One atomic rename on disk; readers see the old value or the new.
Result<> UpdateRef(git_repository* repo, const std::string& name, const git_oid& target,
                   const std::optional<git_oid>& expected);

// Deletes a ref; deleting a missing ref is not an error.
Result<> DeleteRef(git_repository* repo, const std::string& name);

// All refs matching a glob ("refs/clade/variants/*"), with their targets.
Result<std::vector<std::pair<std::string, git_oid>>> ListRefs(git_repository* repo,
                                                              const std::string& glob);

// Appends a commit to the chain at `ref`: its tree is the previous commit's tree with
// `update` applied (or, with `replace`, `update` applied to an empty tree); its parent is
// the previous commit. Then moves the ref from the previous commit to the new one.
// Returns the new commit.
Result<git_oid> AdvanceChain(git_repository* repo, const std::string& ref, const TreeUpdate& update,
                             bool replace, const std::string& message);

// The tree of the commit at `ref`, or nullopt if the ref does not exist.
Result<std::optional<git_oid>> ChainTree(git_repository* repo, const std::string& ref);

// clade's signature for commits: "clade <clade@localhost>" at `time` (seconds; default now).
Result<git::Signature> MakeSignature(std::optional<int64_t> time = std::nullopt);

}  // namespace clade::archive
