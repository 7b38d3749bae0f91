#include "archive/refs.h"

#include <ctime>

namespace clade::archive {

Result<std::optional<git_oid>> ReadRef(git_repository* repo, const std::string& name) {
  git_oid oid;
  int code = git_reference_name_to_id(&oid, repo, name.c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return std::optional<git_oid>();
  }
  CLADE_TRY(git::Check(code, "cannot read the ref " + name));
  return std::optional<git_oid>(oid);
}

Result<> UpdateRef(git_repository* repo, const std::string& name, const git_oid& target,
                   const std::optional<git_oid>& expected) {
  git_reference* raw = nullptr;
  int code = expected ? git_reference_create_matching(&raw, repo, name.c_str(), &target, 1,
                                                      &*expected, nullptr)
                      : git_reference_create(&raw, repo, name.c_str(), &target, 0, nullptr);
  git::Reference ref(raw);
  return git::Check(code, "cannot update the ref " + name);
}

Result<> DeleteRef(git_repository* repo, const std::string& name) {
  int code = git_reference_remove(repo, name.c_str());
  if (code == GIT_ENOTFOUND) {
    git_error_clear();
    return {};
  }
  return git::Check(code, "cannot delete the ref " + name);
}

Result<std::vector<std::pair<std::string, git_oid>>> ListRefs(git_repository* repo,
                                                              const std::string& glob) {
  git_reference_iterator* raw = nullptr;
  CLADE_TRY(git::Check(git_reference_iterator_glob_new(&raw, repo, glob.c_str()),
                       "cannot list the refs " + glob));
  git::ReferenceIterator iterator(raw);
  std::vector<std::pair<std::string, git_oid>> refs;
  for (;;) {
    git_reference* ref_raw = nullptr;
    int code = git_reference_next(&ref_raw, iterator.get());
    if (code == GIT_ITEROVER) break;
    CLADE_TRY(git::Check(code, "cannot list the refs " + glob));
    git::Reference ref(ref_raw);
    const git_oid* target = git_reference_target(ref.get());
    if (target) refs.emplace_back(git_reference_name(ref.get()), *target);
  }
  git_error_clear();
  return refs;
}

Result<git::Signature> MakeSignature(std::optional<int64_t> time) {
  git_signature* raw = nullptr;
  git_time_t when = time ? *time : static_cast<git_time_t>(std::time(nullptr));
  CLADE_TRY(git::Check(git_signature_new(&raw, "clade", "clade@localhost", when, 0),
                       "cannot make a commit signature"));
  return git::Signature(raw);
}

Result<std::optional<git_oid>> ChainTree(git_repository* repo, const std::string& ref) {
  auto head = CLADE_TRY(ReadRef(repo, ref));
  if (!head) return std::optional<git_oid>();
  git_commit* raw = nullptr;
  CLADE_TRY(git::Check(git_commit_lookup(&raw, repo, &*head), "cannot read " + ref));
  git::Commit commit(raw);
  return std::optional<git_oid>(*git_commit_tree_id(commit.get()));
}

Result<git_oid> AdvanceChain(git_repository* repo, const std::string& ref, const TreeUpdate& update,
                             bool replace, const std::string& message) {
  auto head = CLADE_TRY(ReadRef(repo, ref));
  git::Commit parent;
  std::optional<git_oid> base;
  if (head) {
    git_commit* raw = nullptr;
    CLADE_TRY(git::Check(git_commit_lookup(&raw, repo, &*head), "cannot read " + ref));
    parent.reset(raw);
    if (!replace) base = *git_commit_tree_id(parent.get());
  }
  git_oid tree_id = CLADE_TRY(WriteUpdatedTree(repo, base, update));
  git_tree* tree_raw = nullptr;
  CLADE_TRY(git::Check(git_tree_lookup(&tree_raw, repo, &tree_id), "cannot read a new tree"));
  git::Tree tree(tree_raw);
  auto signature = CLADE_TRY(MakeSignature());
  const git_commit* parents[] = {parent.get()};
  git_oid commit;
  CLADE_TRY(
      git::Check(git_commit_create(&commit, repo, nullptr, signature.get(), signature.get(),
                                   nullptr, message.c_str(), tree.get(), parent ? 1 : 0, parents),
                 "cannot write a commit for " + ref));
  CLADE_TRY(UpdateRef(repo, ref, commit, head));
  return commit;
}

}  // namespace clade::archive
