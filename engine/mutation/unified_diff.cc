#include "engine/mutation/unified_diff.h"

#include <memory>

#include <git2.h>

namespace clade::mutation {
namespace {

// libgit2 is initialised once for the process and never shut down (as the archive does).
void InitGit() {
  static const int initialised = git_libgit2_init();
  (void)initialised;
}

struct PatchDeleter {
  void operator()(git_patch* patch) const { git_patch_free(patch); }
};

}  // namespace

std::string UnifiedDiff(std::string_view path, const std::optional<std::string>& old_text,
                        const std::optional<std::string>& new_text, int context) {
  if (old_text == new_text) return "";
  InitGit();
  git_diff_options options = GIT_DIFF_OPTIONS_INIT;
  options.context_lines = static_cast<uint32_t>(context < 0 ? 0 : context);
  const std::string name(path);
  git_patch* raw = nullptr;
  // A null buffer is a file that does not exist: the patch adds or deletes it.
  int error = git_patch_from_buffers(&raw, old_text ? old_text->data() : nullptr,
                                     old_text ? old_text->size() : 0, name.c_str(),
                                     new_text ? new_text->data() : nullptr,
                                     new_text ? new_text->size() : 0, name.c_str(), &options);
  std::unique_ptr<git_patch, PatchDeleter> patch(raw);
  git_buf buf = GIT_BUF_INIT;
  if (error != 0 || git_patch_to_buf(&buf, patch.get()) != 0) return "";
  std::string out(buf.ptr, buf.size);
  git_buf_dispose(&buf);
  return out;
}

std::string UnifiedDiff(
    const std::map<std::string, std::pair<std::optional<std::string>, std::optional<std::string>>>&
        files,
    int context) {
  std::string out;
  for (const auto& [path, texts] : files)
    out += UnifiedDiff(path, texts.first, texts.second, context);
  return out;
}

}  // namespace clade::mutation
