// Applying a list of edits to an agent's source, in memory: each edit becomes
// clang::tooling::Replacements against the original files, overlaps and paths outside the
// editable globs are rejected, the result is checked by a syntax-only parse with the
// agent's flags and the changed ranges are formatted with clang-format.
#pragma once

#include <string>
#include <vector>

#include <tl/expected.hpp>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/edit.h"
#include "engine/mutation/parse.h"
#include "engine/mutation/source_index.h"

namespace clade::mutation {

struct ApplyOptions {
  bool check_syntax = true;            // parse every changed C/C++ file (-fsyntax-only)
  bool format = true;                  // clang-format the changed ranges
  PreambleCache* preambles = nullptr;  // not owned; reused by the syntax check (parse.h)
};

struct AppliedEdits {
  FileOverlay files;  // every changed or added file: path -> its new text
};

using ApplyResult = tl::expected<AppliedEdits, EditRejection>;

// Applies `edits` together. Every edit addresses the files as they are on disk (the
// positions of SEARCH texts and functions are those of the original, and `index` must be
// the index of that original). The first edit that cannot be applied rejects the whole
// list, with the edit's index and the reason. A syntax check rejects only errors the
// original file did not already have; the diagnostics name file, line and column of the
// edited text. Nothing is written to disk.
ApplyResult ApplyEdits(const AgentSource& agent, const SourceIndex& index,
                       const std::vector<Edit>& edits, const ApplyOptions& options = {});

}  // namespace clade::mutation
