// The places of an agent's editable files where the GI operators (gi_mutator.h) can act,
// found on the Clang AST. Internal to engine/mutation and Clang-free: gi_sites.cc is the
// only GI file that includes Clang. All offsets are 0-based bytes of the file's text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/parse.h"
#include "support/error.h"

namespace clade::mutation {
class GiSiteCache;
}  // namespace clade::mutation

namespace clade::mutation::gi {

// A local variable or parameter, visible in [from, to) of its file within `function`.
struct Variable {
  int function = -1;
  size_t from = 0;
  size_t to = 0;
};

// A place between two statements of a block (before a statement or before the closing
// brace), where a statement may be inserted.
struct Point {
  size_t offset = 0;
  int function = -1;  // index, unique within the file (lambdas count as functions)
  bool in_loop = false;
  bool in_switch = false;
  std::string return_type;  // canonical return type of the function
  std::string this_class;   // the class of `this`, empty outside methods
};

// A whole statement directly in a block (declarations, labels and case labels excluded).
struct Statement {
  size_t begin = 0;
  size_t end = 0;    // one past its last byte, the ';' included
  std::string kind;  // "expression", "IfStmt", "ReturnStmt", ...
  Point at;          // the point just before it
  // Local variables it uses but does not declare (indices into FileSites::variables).
  std::vector<int> variables;
  bool movable = true;         // false when it uses a local it cannot be checked for
  bool free_break = false;     // a break not inside a loop or switch of its own
  bool free_continue = false;  // a continue not inside a loop of its own
  bool has_return = false;     // a return (not in a lambda of its own)
  bool uses_this = false;      // `this`, explicitly or through a member
};

// An operator token: a builtin binary or unary operator.
struct Operator {
  size_t offset = 0;
  std::string spelling;  // "<", "+=", "++", "!", ...
  bool integer = true;   // binary: both operands integral (so % stays valid)
};

struct Literal {
  size_t begin = 0;
  size_t end = 0;
  bool floating = false;
};

// The condition of an if, while, for or do statement.
struct Condition {
  size_t begin = 0;
  size_t end = 0;
};

struct FileSites {
  std::string path;
  std::string text;                // the file as parsed (empty when skipped)
  std::vector<Diagnostic> errors;  // parse errors; a file with errors has no sites
  std::string skipped;             // why it was not parsed ("5.0 MB, over the 2 MB limit")
  std::vector<Variable> variables;
  std::vector<Point> points;          // sorted by offset
  std::vector<Statement> statements;  // sorted by begin
  std::vector<Operator> binary;       // sorted by offset
  std::vector<Operator> unary;
  std::vector<Literal> literals;
  std::vector<Condition> conditions;
};

// Editable files larger than this are not parsed for GI sites (FileSites::skipped says so):
// a parse of a multi-megabyte generated file would cost seconds per draw.
inline constexpr size_t kMaxSiteFileBytes = size_t{2} << 20;

// Parses every editable C/C++ file of `agent` on its own and lists its sites, in the order
// of agent.files(). Only code spelled in the file itself counts: nothing from macro
// expansions or included files. With a `cache` (not owned; see gi_site_cache.h), a file
// whose text, flags and agent headers are unchanged since it was stored is not parsed
// again. Fails only on I/O errors.
Result<std::vector<FileSites>> CollectSites(const AgentSource& agent, GiSiteCache* cache = nullptr);

}  // namespace clade::mutation::gi
