// In-process Clang parses of an agent's files, with edited files held in memory.
// Clang-free: callers that use the AST include Clang headers themselves.
#pragma once

#include <cstddef>
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

// Precompiled preambles for syntax checks, as clangd keeps them: a file's preamble (the
// #include block at its top) compiled once, so a check of the same file with another body
// (a GI draw changes function bodies only) parses only what follows it. An entry is keyed
// by the file's absolute path and parse arguments (the search loop reuses one source
// directory per build slot, so children of a slot share entries). Before reuse Clang checks
// that the preamble's text and every file it read, through the overlay, are unchanged;
// otherwise it is built again. A preamble whose build reports an error is not kept, and
// that check runs as a plain parse. The diagnostics are those of a plain parse.
// In-memory preambles: tens of MB each with large headers, so capacity is small (least
// recently used dropped).
// Thread safety: every method from several threads at once; preambles are shared read-only.
class PreambleCache {
 public:
  explicit PreambleCache(size_t capacity = 8);
  ~PreambleCache();
  PreambleCache(const PreambleCache&) = delete;
  PreambleCache& operator=(const PreambleCache&) = delete;

  struct Stats {
    size_t reused = 0;  // checks that reused a preamble
    size_t built = 0;   // preambles built
    size_t plain = 0;   // checks run as a plain parse (the preamble had errors)
  };
  Stats stats() const;

  struct Impl;  // in parse.cc

 private:
  std::unique_ptr<Impl> impl_;
  friend Result<std::vector<Diagnostic>> CheckSyntax(const AgentSource&, std::string_view,
                                                     const FileOverlay&, PreambleCache*);
};

// The errors of a syntax-only parse of `path` (empty when it parses cleanly), reusing a
// precompiled preamble from `preambles` when one is given (not owned; may be null).
Result<std::vector<Diagnostic>> CheckSyntax(const AgentSource& agent, std::string_view path,
                                            const FileOverlay& overlay = {},
                                            PreambleCache* preambles = nullptr);

}  // namespace clade::mutation
