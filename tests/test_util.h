// Helpers shared by the tests: running shell commands (git, the clade binary) and making
// small source trees.
#pragma once

#include <filesystem>
#include <map>
#include <string>

namespace clade::testing {

struct CommandOutput {
  int exit_code = -1;  // the shell's exit status
  std::string output;  // stdout and stderr, interleaved
};

// Runs `command` with /bin/sh -c, capturing stdout and stderr together.
CommandOutput Shell(const std::string& command);

// Quotes a string for the shell.
std::string Quote(const std::string& text);

// Writes files (relative path -> content) under `root`, creating directories.
void WriteTree(const std::filesystem::path& root, const std::map<std::string, std::string>& files);

// The build tree: $CLADE_BINARY_DIR if set, else the one this test was built in.
std::filesystem::path BinaryDir();
// The source tree: $CLADE_SOURCE_DIR if set, else the one this test was built from.
std::filesystem::path SourceDir();

}  // namespace clade::testing
