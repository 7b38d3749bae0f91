// The source index of an agent: its files, classes, functions and methods with qualified
// names, signatures and source ranges. It is what a model is shown (outline.h) and what
// edits address by name (apply_edits.h).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/parse.h"
#include "support/error.h"

namespace clade::mutation {

enum class SymbolKind { kClass, kStruct, kUnion, kEnum, kFunction, kMethod };

std::string_view SymbolKindName(SymbolKind kind);  // "class", "struct", ..., "method"

struct SourcePosition {
  int line = 0;       // 1-based
  int column = 0;     // 1-based, in bytes
  size_t offset = 0;  // 0-based byte offset in the file
};

// A half-open range: `end` is the position just past the last character.
struct SourceRange {
  SourcePosition begin;
  SourcePosition end;
};

struct Symbol {
  SymbolKind kind = SymbolKind::kFunction;
  std::string name;            // unqualified: "Solve"
  std::string qualified_name;  // "repair::Solver::Solve"
  // Functions: "int repair::Solver::Solve(const Task& task) const", types and parameters
  // spelled as in the source (whitespace runs collapsed); types: "struct ns::S".
  std::string signature;
  std::string parameters;  // functions: "(const Task&)"; empty for types
  std::string file;        // relative to the agent root
  // The whole declaration: template header and return type through the closing brace
  // (or the last token of a declaration without a body; the ';' is not included).
  SourceRange range;
  bool is_definition = false;  // a function with a body, a class with its members
  std::string parent;          // the qualified name of the enclosing class, if any

  int Lines() const { return range.end.line - range.begin.line + 1; }
  // The name edits may use to address it: qualified_name + parameters.
  std::string Key() const { return qualified_name + parameters; }
};

struct IndexedFile {
  std::string path;  // relative to the agent root
  size_t bytes = 0;
  int lines = 0;
  bool editable = false;
  bool cxx = false;  // parsed as C or C++
};

struct SourceIndex {
  std::vector<IndexedFile> files;  // every file of the agent, sorted by path
  std::vector<Symbol> symbols;     // sorted by file, then begin offset; no duplicates
  // Errors met while parsing. The index still lists what could be parsed.
  std::vector<Diagnostic> errors;

  // Function and method definitions whose qualified name, or qualified name with its
  // parameter list (whitespace ignored), is `name`.
  std::vector<const Symbol*> FindDefinitions(std::string_view name) const;
  const IndexedFile* FindFile(std::string_view path) const;
};

// Parses every C/C++ source file of the agent (headers through their includes; headers no
// source includes on their own) and lists what is declared in the agent's own files.
// Fails only on I/O errors; parse errors go to SourceIndex::errors.
Result<SourceIndex> BuildSourceIndex(const AgentSource& agent, const FileOverlay& overlay = {});

}  // namespace clade::mutation
