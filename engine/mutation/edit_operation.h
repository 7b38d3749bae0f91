// One class per edit form, in the clangd "tweak" spirit: Prepare() locates the target and
// checks the edit cheaply (reads files, no parse), Apply() gives the change as
// clang::tooling::Replacements against the original file. Internal to engine/mutation:
// this header includes Clang; the rest of the engine uses apply_edits.h.
#pragma once

#include <memory>
#include <string>

#include <clang/Tooling/Core/Replacement.h>
#include <tl/expected.hpp>

#include "engine/mutation/agent_source.h"
#include "engine/mutation/edit.h"
#include "engine/mutation/source_index.h"

namespace clade::mutation {

// What every operation reads: the agent's files and the index of their symbols.
struct EditContext {
  const AgentSource& agent;
  const SourceIndex& index;
};

class EditOperation {
 public:
  virtual ~EditOperation() = default;

  // Locates the edit's target and checks it is allowed. Rejections carry no edit index.
  virtual tl::expected<void, EditRejection> Prepare(const EditContext& context) = 0;

  // The replacements, all in one file (path relative to the agent root).
  // REQUIRES: Prepare() succeeded.
  virtual clang::tooling::Replacements Apply() const = 0;
};

std::unique_ptr<EditOperation> MakeEditOperation(const Edit& edit);

// A relative path without "." segments; nullopt for absolute paths, empty paths and paths
// that leave the root ("..").
std::optional<std::string> NormalizeAgentPath(std::string_view path);

}  // namespace clade::mutation
