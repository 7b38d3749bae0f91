// The compiler flags an agent's files are parsed with: from the compile_commands.json of
// its build, or a fallback that fits the usual layouts.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "support/error.h"

namespace clade::mutation {

class CompileFlags {
 public:
  // The fallback for an agent rooted at `root`:
  // -std=c++20 -I<root> -I<root>/src -I<root>/include.
  static CompileFlags Fallback(const std::filesystem::path& root);

  // Reads a compile_commands.json. Entries keep their flags (-I, -D, -std, -W, ...) with
  // relative paths made absolute; the compiler, the input, -c, -o and dependency-file
  // flags are dropped. Files not listed (headers, new files) get the flags of the first
  // entry in the same directory, else of the first entry, else the fallback.
  // Errors name the file when it cannot be read or is not a compile database.
  static Result<CompileFlags> FromDatabase(const std::filesystem::path& database,
                                           const std::filesystem::path& root);

  // The flags for one file, given by absolute path: neither the compiler nor the file.
  std::vector<std::string> For(const std::filesystem::path& file) const;

 private:
  std::map<std::string, std::vector<std::string>> by_file_;
  std::vector<std::string> fallback_;
};

// The resource directory of the Clang the engine links (for -resource-dir).
std::string ClangResourceDir();

// Splits a shell command line into words (quotes and backslashes as in sh, no expansion).
std::vector<std::string> SplitCommandLine(std::string_view command);

}  // namespace clade::mutation
