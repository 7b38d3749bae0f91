// Path globs: an agent's `editable` list (docs/agents.md), a task's `protected` list
// (docs/benchmarks.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clade {

// True if a relative, '/'-separated path matches a glob pattern. In a pattern, `**` as a
// whole segment matches any number of segments (none included), `*` matches any run of
// characters other than '/', `?` matches one character other than '/', and everything
// else matches itself. A pattern naming a directory ("src" or "src/") matches the files
// below it. Examples: "src/**" matches "src/a.cc" and "src/x/y.h"; "*.cc" matches
// "main.cc" but not "src/main.cc"; "**/*.h" matches "a.h" and "src/a.h".
bool GlobMatch(std::string_view pattern, std::string_view path);

// Whether `path` matches any of `globs`.
bool GlobMatchAny(const std::vector<std::string>& globs, std::string_view path);

}  // namespace clade
