// The edit forms a mutation (a model, or a recorded edit list) asks for, and why an edit
// can be rejected. Applying them: apply_edits.h.
#pragma once

#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/error.h"

namespace clade::mutation {

// Replace the one occurrence of `search` by `replace`. Matching is exact first, then
// tolerant of whitespace differences. An empty `path` searches every editable file; an
// empty `search` on a file that does not exist creates it with `replace`.
struct SearchReplace {
  std::string path;
  std::string search;
  std::string replace;
};

// Replace a whole function definition (template header and return type through its
// closing brace) by `text`. `name` is its qualified name, with the parameter types when
// it is overloaded: "repair::Solve" or "repair::Solve(int, const Task&)"
// (parameter types as the index spells them; whitespace is ignored).
struct ReplaceFunction {
  std::string name;
  std::string text;
};

// Insert a new function after the definition of `after` (a name as for ReplaceFunction),
// or, when `after` is empty, at the end of `path`.
struct InsertFunction {
  std::string path;
  std::string after;
  std::string text;
};

// Add a new file; it must not exist yet.
struct AddFile {
  std::string path;
  std::string text;
};

// Replace the bytes [offset, offset + old.size()) of `path` by `text`. `old` must be exactly
// the text there (an empty `old` inserts at `offset`): a recorded edit (the GI mutator's)
// re-derives its child only from the parent it was made on.
struct ReplaceRange {
  std::string path;
  size_t offset = 0;
  std::string old;
  std::string text;
};

using Edit = std::variant<SearchReplace, ReplaceFunction, InsertFunction, AddFile, ReplaceRange>;

// One line for logs and commit messages: "search/replace in src/a.cc", ...
std::string Describe(const Edit& edit);

// {"op": "search_replace"|"replace_function"|"insert_function"|"add_file"|"replace_range",
//  ...fields}; replace_range's "offset" is a number.
nlohmann::json EditToJson(const Edit& edit);
// The inverse of EditToJson; a usage error names the missing or unknown field.
Result<Edit> EditFromJson(const nlohmann::json& json);

enum class RejectReason {
  kMissing,      // the search text, function or file is not there
  kAmbiguous,    // it is there more than once
  kNotEditable,  // the path is outside the agent's editable globs
  kOverlapping,  // two edits change the same text
  kSyntaxError,  // the edited source does not parse; `diagnostics` says where
  kInvalid,      // the edit itself is malformed (empty text, bad path, file exists)
};

std::string_view RejectReasonName(RejectReason reason);  // "missing", "ambiguous", ...

struct EditRejection {
  RejectReason reason = RejectReason::kInvalid;
  int edit = -1;            // index of the offending edit in the list, -1 if none
  std::string message;      // one sentence naming the path, function or text
  std::string diagnostics;  // for kSyntaxError: "file:line:col: error: ..." lines

  // The message, then the diagnostics: what goes back to a model to retry with.
  std::string Explain() const;
  Error ToError() const { return Error{ErrorKind::kFailure, Explain()}; }
};

}  // namespace clade::mutation
