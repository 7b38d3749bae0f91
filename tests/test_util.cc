#include "tests/test_util.h"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <stdexcept>

#include <sys/wait.h>

#include "support/strings.h"

namespace clade::testing {

CommandOutput Shell(const std::string& command) {
  CommandOutput result;
  std::string full = "(" + command + ") 2>&1";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) throw std::runtime_error("popen failed for: " + command);
  char buffer[4096];
  size_t n = 0;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) result.output.append(buffer, n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return result;
}

std::string Quote(const std::string& text) {
  return ShellQuote(text);
}

void WriteTree(const std::filesystem::path& root, const std::map<std::string, std::string>& files) {
  for (const auto& [path, content] : files) {
    std::filesystem::path file = root / path;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream out(file, std::ios::binary | std::ios::trunc);
    out << content;
    if (!out) throw std::runtime_error("cannot write " + file.string());
  }
}

// The environment variable if set, else the tree this test binary was configured from.
static std::filesystem::path EnvPath(const char* name, const char* fallback) {
  const char* value = std::getenv(name);
  return value && *value ? std::filesystem::path(value) : std::filesystem::path(fallback);
}

std::filesystem::path BinaryDir() {
  return EnvPath("CLADE_BINARY_DIR", CLADE_BINARY_DIR_DEFAULT);
}
std::filesystem::path SourceDir() {
  return EnvPath("CLADE_SOURCE_DIR", CLADE_SOURCE_DIR_DEFAULT);
}

}  // namespace clade::testing
