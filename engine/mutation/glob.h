// The set of files mutation may change: an agent's `editable` globs (docs/agents.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "support/glob.h"

namespace clade::mutation {

using clade::GlobMatch;

// The set of paths mutation may change: files matching any of the globs, never
// agent.yaml (a mutation must not change how its agent is built or run). With no globs
// given, everything but agent.yaml.
class EditableSet {
 public:
  EditableSet() = default;
  explicit EditableSet(std::vector<std::string> globs) : globs_(std::move(globs)), all_(false) {}

  bool Contains(std::string_view path) const;
  const std::vector<std::string>& globs() const { return globs_; }

 private:
  std::vector<std::string> globs_;
  bool all_ = true;
};

}  // namespace clade::mutation
