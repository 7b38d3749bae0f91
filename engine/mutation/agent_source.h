// An agent's source directory as mutation sees it: its files, which of them may be
// edited, and the flags they are parsed with.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mutation/compile_flags.h"
#include "engine/mutation/glob.h"
#include "support/error.h"

namespace clade::mutation {

// Files that replace or add to what is on disk: path relative to the agent root -> text.
using FileOverlay = std::map<std::string, std::string>;

struct AgentSourceOptions {
  // The agent's `editable` globs; nullopt means everything but agent.yaml.
  std::optional<std::vector<std::string>> editable;
  // A compile_commands.json to take flags from; empty means the fallback flags.
  std::filesystem::path compile_commands;
};

class AgentSource {
 public:
  // Lists the regular files under `root` (hidden directories such as .git are skipped).
  // Errors name the directory when it does not exist or cannot be listed, and the
  // compile database when it cannot be read.
  static Result<AgentSource> Open(const std::filesystem::path& root,
                                  const AgentSourceOptions& options = {});

  const std::filesystem::path& root() const { return root_; }
  // Relative, '/'-separated paths, sorted.
  const std::vector<std::string>& files() const { return files_; }
  bool Exists(std::string_view path) const;
  bool IsEditable(std::string_view path) const { return editable_.Contains(path); }
  const EditableSet& editable() const { return editable_; }

  // The text of a file: from the overlay if it is there, else from disk.
  Result<std::string> Read(std::string_view path, const FileOverlay& overlay = {}) const;

  // Absolute path of a relative one.
  std::filesystem::path Absolute(std::string_view path) const { return root_ / path; }
  // Relative path of an absolute one under the root; nullopt if it is outside.
  std::optional<std::string> Relative(const std::filesystem::path& absolute) const;

  // The arguments an in-process parse of `path` runs with: the agent's flags plus
  // -resource-dir, without the compiler and the file name.
  std::vector<std::string> ParseArguments(std::string_view path) const;

  // The agent's own .clang-format (or _clang-format) at its root, if any.
  std::optional<std::string> ClangFormatConfig() const;

 private:
  std::filesystem::path root_;
  std::vector<std::string> files_;
  EditableSet editable_;
  CompileFlags flags_;
};

// True for names clang parses as C or C++ (.cc .cpp .cxx .c++ .C .c .h .hh .hpp .hxx .inl).
bool IsCxxFile(std::string_view path);
// True for C/C++ files that are compiled on their own (not headers).
bool IsCxxSource(std::string_view path);

}  // namespace clade::mutation
