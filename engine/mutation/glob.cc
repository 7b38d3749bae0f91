#include "engine/mutation/glob.h"

#include "support/strings.h"

namespace clade::mutation {

bool EditableSet::Contains(std::string_view path) const {
  std::vector<std::string> segments;
  for (std::string& part : Split(path, '/')) {
    if (!part.empty() && part != ".") segments.push_back(std::move(part));
  }
  if (segments.size() == 1 && segments[0] == "agent.yaml") return false;
  return all_ || GlobMatchAny(globs_, path);
}

}  // namespace clade::mutation
