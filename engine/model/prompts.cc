#include "engine/model/prompts.h"

#include <set>

#include <fmt/format.h>

#include "support/fs.h"

namespace clade::model {
namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::set<std::string>>& Placeholders() {
  static const std::map<std::string, std::set<std::string>> kPlaceholders = {
      {"system", {}},
      {"diagnose", {"agent_name", "score", "outline", "task_id", "task_log", "lessons"}},
      {"implement", {"agent_name", "proposal", "outline", "editable", "source", "lessons"}},
      {"retry", {"rejection"}},
      {"self_task", {"proposal", "lessons"}},
  };
  return kPlaceholders;
}

// Checks every {{name}} of a template against the allowed ones.
Result<> Check(const std::string& origin, const std::string& text,
               const std::set<std::string>& allowed) {
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", at + 2)) {
    size_t end = text.find("}}", at);
    int line = 1 + static_cast<int>(std::count(text.begin(), text.begin() + at, '\n'));
    if (end == std::string::npos) {
      return FailAs(ErrorKind::kUsage, "{}:{}: '{{{{' is never closed by '}}}}'", origin, line);
    }
    std::string name = text.substr(at + 2, end - at - 2);
    if (!allowed.count(name)) {
      std::string known;
      for (const std::string& candidate : allowed) known += (known.empty() ? "" : ", ") + candidate;
      return FailAs(ErrorKind::kUsage,
                    "{}:{}: unknown placeholder {{{{{}}}}} (this prompt has: {})", origin, line,
                    name, known.empty() ? "none" : known);
    }
  }
  return {};
}

}  // namespace

Result<Prompts> Prompts::Load(const fs::path& directory) {
  Prompts prompts;
  for (const auto& [name, text] : BuiltinPrompts()) {
    prompts.templates_[name] = text;
    prompts.origins_[name] = "built-in";
  }
  if (directory.empty()) return prompts;
  std::error_code error;
  if (!fs::is_directory(directory, error)) {
    return FailAs(ErrorKind::kUsage, "the prompt directory {} (model.prompts) does not exist",
                  directory.string());
  }
  for (const auto& entry : fs::directory_iterator(directory, error)) {
    if (!entry.is_regular_file()) continue;
    std::string name = entry.path().stem().string();
    if (entry.path().extension() != ".txt" || !Placeholders().count(name)) {
      return FailAs(ErrorKind::kUsage,
                    "{}: not a prompt template (expected system.txt, diagnose.txt, "
                    "implement.txt, retry.txt or self_task.txt)",
                    entry.path().string());
    }
    std::string text = CLADE_TRY(ReadFile(entry.path()));
    CLADE_TRY(Check(entry.path().string(), text, Placeholders().at(name)));
    prompts.templates_[name] = std::move(text);
    prompts.origins_[name] = entry.path().string();
  }
  if (error)
    return Fail("cannot list the prompt directory {}: {}", directory.string(), error.message());
  return prompts;
}

std::string Prompts::Render(std::string_view name,
                            const std::map<std::string, std::string>& values) const {
  auto found = templates_.find(name);
  if (found == templates_.end()) return "";
  const std::string& text = found->second;
  std::string out;
  size_t from = 0;
  for (size_t at = text.find("{{"); at != std::string::npos; at = text.find("{{", from)) {
    size_t end = text.find("}}", at);
    if (end == std::string::npos) break;
    out.append(text, from, at - from);
    auto value = values.find(text.substr(at + 2, end - at - 2));
    out += value != values.end() ? value->second : text.substr(at, end + 2 - at);
    from = end + 2;
  }
  out.append(text, from);
  return out;
}

std::string Prompts::Origin(std::string_view name) const {
  auto found = origins_.find(name);
  return found == origins_.end() ? "" : found->second;
}

}  // namespace clade::model
