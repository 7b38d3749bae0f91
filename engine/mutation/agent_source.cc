#include "engine/mutation/agent_source.h"

#include <algorithm>
#include <system_error>

#include "support/beneath.h"
#include "support/fs.h"

namespace clade::mutation {
namespace {

constexpr size_t kMaxSourceFileBytes = 256u << 20;

std::string Extension(std::string_view path) {
  return fs::path(std::string(path)).extension().string();
}

}  // namespace

bool IsCxxSource(std::string_view path) {
  static const char* const kSources[] = {".cc", ".cpp", ".cxx", ".c++", ".C", ".c"};
  const std::string ext = Extension(path);
  return std::any_of(std::begin(kSources), std::end(kSources),
                     [&](const char* s) { return ext == s; });
}

bool IsCxxFile(std::string_view path) {
  static const char* const kHeaders[] = {".h", ".hh", ".hpp", ".hxx", ".inl", ".ipp"};
  const std::string ext = Extension(path);
  return IsCxxSource(path) || std::any_of(std::begin(kHeaders), std::end(kHeaders),
                                          [&](const char* s) { return ext == s; });
}

Result<AgentSource> AgentSource::Open(const fs::path& root, const AgentSourceOptions& options) {
  std::error_code ec;
  AgentSource agent;
  agent.root_ = fs::absolute(root, ec).lexically_normal();
  if (!agent.root_.empty() && !agent.root_.has_filename()) agent.root_ = agent.root_.parent_path();
  if (!fs::is_directory(agent.root_, ec)) {
    return FailAs(ErrorKind::kNotFound, "agent source directory {} does not exist", root.string());
  }
  auto it = fs::recursive_directory_iterator(agent.root_, ec);
  if (ec) return Fail("cannot list {}: {}", root.string(), ec.message());
  for (; it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) return Fail("cannot list {}: {}", root.string(), ec.message());
    const std::string name = it->path().filename().string();
    // Symlinks are never followed: a link in the source (or planted by an agent in its
    // workspace) is not a file of the agent, and reading through it could read the host.
    auto status = it->symlink_status(ec);
    if (fs::is_directory(status) && name.starts_with(".")) {
      it.disable_recursion_pending();
    } else if (fs::is_regular_file(status)) {
      agent.files_.push_back(it->path().lexically_relative(agent.root_).generic_string());
    }
  }
  std::sort(agent.files_.begin(), agent.files_.end());
  if (options.editable) agent.editable_ = EditableSet(*options.editable);
  if (options.compile_commands.empty()) {
    agent.flags_ = CompileFlags::Fallback(agent.root_);
  } else {
    agent.flags_ = CLADE_TRY(CompileFlags::FromDatabase(options.compile_commands, agent.root_));
  }
  return agent;
}

bool AgentSource::Exists(std::string_view path) const {
  return std::binary_search(files_.begin(), files_.end(), std::string(path));
}

Result<std::string> AgentSource::Read(std::string_view path, const FileOverlay& overlay) const {
  if (auto it = overlay.find(std::string(path)); it != overlay.end()) return it->second;
  return ReadFileBeneath(root_, std::string(path), kMaxSourceFileBytes);
}

std::optional<std::string> AgentSource::Relative(const fs::path& absolute) const {
  const fs::path relative = absolute.lexically_normal().lexically_relative(root_);
  if (relative.empty() || *relative.begin() == "..") return std::nullopt;
  return relative.generic_string();
}

std::vector<std::string> AgentSource::ParseArguments(std::string_view path) const {
  std::vector<std::string> args = flags_.For(Absolute(path));
  args.push_back("-resource-dir=" + ClangResourceDir());
  args.push_back("-fno-color-diagnostics");
  // Headers are parsed on their own as C++ (a .h would otherwise be C).
  if (!IsCxxSource(path)) args.insert(args.begin(), {"-x", "c++"});
  return args;
}

std::optional<std::string> AgentSource::ClangFormatConfig() const {
  for (const char* name : {".clang-format", "_clang-format"}) {
    if (auto text = ReadFile(root_ / name)) return *text;
  }
  return std::nullopt;
}

}  // namespace clade::mutation
