#include "sandbox/log_paths.h"

#include <algorithm>

#include "support/strings.h"

namespace clade::sandbox {

std::string WithPlaceholders(std::string text, const std::vector<PathName>& names) {
  std::vector<std::pair<std::string, std::string_view>> spellings;
  for (const auto& [path, name] : names) {
    if (path.empty()) continue;
    spellings.emplace_back(path.string(), name);
    std::error_code error;
    std::filesystem::path canonical = std::filesystem::weakly_canonical(path, error);
    if (!error && canonical != path) spellings.emplace_back(canonical.string(), name);
  }
  std::stable_sort(spellings.begin(), spellings.end(), [](const auto& a, const auto& b) {
    return a.first.size() > b.first.size();
  });
  for (const auto& [spelling, name] : spellings) ReplaceAll(&text, spelling, name);
  return text;
}

}  // namespace clade::sandbox
