// In-process Clang parses of an agent's files, with edited files held in memory.
// Clang-free: callers that use the AST include Clang headers themselves.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mutation/agent_source.h"
#include "support/error.h"

namespace clang {
class ASTUnit;
class DiagnosticConsumer;
}  // namespace clang

namespace clade::mutation {

// One compiler diagnostic of severity error (or fatal error).
struct Diagnostic {
  std::string file;  // relative to the agent root when inside it, else absolute
  int line = 0;      // 1-based; 0 when the diagnostic has no location
  int column = 0;
  std::string message;

  // "file:line:col: error: message", the form compilers print and models know.
  std::string Format() const;
};

// Joins diagnostics one per line.
std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics);

struct ParsedFile {
  // Receives the AST's diagnostics; declared first so it outlives the AST.
  std::unique_ptr<clang::DiagnosticConsumer> consumer;
  std::unique_ptr<clang::ASTUnit> ast;  // null when the compiler could not start
  std::vector<Diagnostic> errors;       // the parse's errors, in order
  ParsedFile();
  ParsedFile(ParsedFile&&) noexcept;
  ParsedFile& operator=(ParsedFile&&) noexcept;
  ~ParsedFile();
};

// Parses `path` (relative to the agent root) with its flags and -fsyntax-only, reading
// files from `overlay` before the disk. Errors are collected, not printed.
// Fails only when the file cannot be read.
Result<ParsedFile> ParseFile(const AgentSource& agent, std::string_view path,
                             const FileOverlay& overlay = {});

// The errors of a syntax-only parse of `path` (empty when it parses cleanly).
Result<std::vector<Diagnostic>> CheckSyntax(const AgentSource& agent, std::string_view path,
                                            const FileOverlay& overlay = {});

}  // namespace clade::mutation
