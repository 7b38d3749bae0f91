// The edit of a GI child (gi_mutator.h), and its record: a GI child is its parent plus a
// list of GiEdits, written as JSON in the evaluation record and the Clade-Edit trailers
// (gi_child_mutator.h) and re-applied to the parent to derive the child again.
// Clang-free.
//
// GiEdit is the one edit struct of the GI mutator: every operator and the crossover make
// GiEdits, and the list recorded is the list applied. It differs from ReplaceRange
// (edit.h), the form ApplyEdits takes, by what a record needs and ApplyEdits does not: the
// operator that made it, its line (for people reading the record) and a crossover's donor.
//
// Thread safety: plain functions of their arguments; ApplyEditList reads the agent's files.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/edit.h"
#include "support/error.h"

namespace clade::mutation {

// One byte-range change of one file, against the parent's text: the bytes
// [offset, offset + old_text.size()) of `file` become `new_text` (an empty `old_text`
// inserts at `offset`). An operator gives one edit (two for a swap).
struct GiEdit {
  std::string op;  // GiOperatorName of the operator that made it
  std::string file;
  size_t offset = 0;  // 0-based byte offset of `old_text`
  int line = 0;       // 1-based line of `offset`
  std::string old_text;
  std::string new_text;
  std::optional<int> donor;  // crossover: the donor's variant id
};

// [{"op", "file", "offset", "line", "old", "new"}, ...], plus "donor" for crossover edits.
// REQUIRES: every edit IsRecordable (nlohmann::json throws on invalid UTF-8 when dumped).
nlohmann::json GiEditsToJson(const std::vector<GiEdit>& edits);

// The inverse of GiEditsToJson. "op" and "line" are optional (empty, 0).
// Errors: ErrorKind::kUsage naming the item without "file", "offset", "old" or "new", or
// whose "donor" is not an integer.
Result<std::vector<GiEdit>> GiEditsFromJson(const nlohmann::json& json);

// Whether `edit` can be recorded as JSON: both its texts are well-formed UTF-8 (no overlong
// forms, surrogates or values past U+10FFFF). A Latin-1 source can give edits that are not.
bool IsRecordable(const GiEdit& edit);

// The edits as ApplyEdits takes them: one ReplaceRange each, in order.
std::vector<Edit> ToEdits(const std::vector<GiEdit>& edits);

// Re-derives a child from its parent: applies `edits` to the parent `agent` (no syntax
// check; formatted as MutateGi does when `format`). Fails when a file no longer has an
// edit's old text at its offset.
Result<FileOverlay> ApplyEditList(const AgentSource& agent, const std::vector<GiEdit>& edits,
                                  bool format = true);

}  // namespace clade::mutation
