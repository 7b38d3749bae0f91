// Path globs, as used by an agent's `editable` list (design.md, "Agents").
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clade::mutation {

// True if a relative, '/'-separated path matches a glob pattern. In a pattern, `**` as a
// whole segment matches any number of segments (none included), `*` matches any run of
// characters other than '/', `?` matches one character other than '/', and everything
// else matches itself. A pattern naming a directory ("src" or "src/") matches the files
// below it. Examples: "src/**" matches "src/a.cc" and "src/x/y.h"; "*.cc" matches
// "main.cc" but not "src/main.cc"; "**/*.h" matches "a.h" and "src/a.h".
bool GlobMatch(std::string_view pattern, std::string_view path);

// The set of paths mutation may change: files matching any of the globs, never
// agent.yaml (a mutation must not change how its agent is built or run). With no globs
// given, everything but agent.yaml.
class EditableSet {
 public:
  EditableSet() = default;
  explicit EditableSet(std::vector<std::string> globs) : globs_(std::move(globs)), all_(false) {}

  bool Contains(std::string_view path) const;
  const std::vector<std::string>& globs() const { return globs_; }

 private:
  std::vector<std::string> globs_;
  bool all_ = true;
};

}  // namespace clade::mutation
