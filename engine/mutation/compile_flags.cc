#include "engine/mutation/compile_flags.h"

#include <nlohmann/json.hpp>

#include "support/fs.h"

namespace clade::mutation {
namespace {

bool IsSourceArgument(const std::string& arg, const std::string& file) {
  return arg == file || fs::path(arg).filename() == fs::path(file).filename();
}

// Options that take a separate value and only matter to the build, not to a parse.
bool DropsNextArgument(const std::string& arg) {
  return arg == "-o" || arg == "-MF" || arg == "-MT" || arg == "-MQ";
}

bool IsDropped(const std::string& arg) {
  return arg == "-c" || arg == "-MD" || arg == "-MMD" || arg == "-M" || arg == "-MM" ||
         arg == "--" || arg.starts_with("-o") || arg.starts_with("-MF") || arg.starts_with("-MT");
}

// Makes the path of -I/-isystem/-iquote flags absolute against the entry's directory.
std::string Absolutize(const std::string& arg, const fs::path& directory) {
  for (const char* prefix : {"-I", "-isystem", "-iquote"}) {
    std::string_view p(prefix);
    if (arg.starts_with(p) && arg.size() > p.size()) {
      fs::path path = arg.substr(p.size());
      if (path.is_relative()) path = directory / path;
      return std::string(p) + path.lexically_normal().string();
    }
  }
  return arg;
}

std::vector<std::string> EntryFlags(const nlohmann::json& entry, const fs::path& directory,
                                    const std::string& file) {
  std::vector<std::string> argv;
  if (entry.contains("arguments")) {
    argv = entry["arguments"].get<std::vector<std::string>>();
  } else {
    argv = SplitCommandLine(entry.value("command", ""));
  }
  std::vector<std::string> flags;
  for (size_t i = 1; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (DropsNextArgument(arg)) {
      ++i;
    } else if (IsDropped(arg) || IsSourceArgument(arg, file)) {
      continue;
    } else if ((arg == "-I" || arg == "-isystem" || arg == "-iquote") && i + 1 < argv.size()) {
      flags.push_back(Absolutize(arg + argv[++i], directory));
    } else {
      flags.push_back(Absolutize(arg, directory));
    }
  }
  return flags;
}

}  // namespace

CompileFlags CompileFlags::Fallback(const fs::path& root) {
  CompileFlags flags;
  flags.fallback_ = {"-std=c++20", "-I" + root.string(), "-I" + (root / "src").string(),
                     "-I" + (root / "include").string()};
  return flags;
}

Result<CompileFlags> CompileFlags::FromDatabase(const fs::path& database, const fs::path& root) {
  std::string text = CLADE_TRY(ReadFile(database));
  nlohmann::json json = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (!json.is_array()) {
    return FailAs(ErrorKind::kUsage, "{} is not a compile database (a JSON array of entries)",
                  database.string());
  }
  CompileFlags flags = Fallback(root);
  bool first = true;
  for (const nlohmann::json& entry : json) {
    if (!entry.is_object() || !entry.contains("file") || !entry["file"].is_string()) continue;
    fs::path directory = entry.value("directory", database.parent_path().string());
    std::string file = entry["file"].get<std::string>();
    fs::path absolute = (directory / file).lexically_normal();
    std::vector<std::string> entry_flags = EntryFlags(entry, directory, file);
    if (first) flags.fallback_ = entry_flags;
    first = false;
    flags.by_file_.emplace(absolute.string(), std::move(entry_flags));
  }
  return flags;
}

std::vector<std::string> CompileFlags::For(const fs::path& file) const {
  const fs::path normal = file.lexically_normal();
  if (auto it = by_file_.find(normal.string()); it != by_file_.end()) return it->second;
  for (const auto& [path, flags] : by_file_) {
    if (fs::path(path).parent_path() == normal.parent_path()) return flags;
  }
  return fallback_;
}

std::string ClangResourceDir() {
  return CLADE_CLANG_RESOURCE_DIR;
}

std::vector<std::string> SplitCommandLine(std::string_view command) {
  std::vector<std::string> words;
  std::string word;
  bool in_word = false;
  char quote = 0;
  for (size_t i = 0; i < command.size(); ++i) {
    char c = command[i];
    if (quote != 0) {
      if (c == quote) {
        quote = 0;
      } else if (c == '\\' && quote == '"' && i + 1 < command.size()) {
        word += command[++i];
      } else {
        word += c;
      }
    } else if (c == '\'' || c == '"') {
      quote = c;
      in_word = true;
    } else if (c == '\\' && i + 1 < command.size()) {
      word += command[++i];
      in_word = true;
    } else if (c == ' ' || c == '\t' || c == '\n') {
      if (in_word) words.push_back(std::move(word));
      word.clear();
      in_word = false;
    } else {
      word += c;
      in_word = true;
    }
  }
  if (in_word) words.push_back(std::move(word));
  return words;
}

}  // namespace clade::mutation
