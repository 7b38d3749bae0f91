#include "engine/mutation/edit_operation.h"

#include <filesystem>

#include <fmt/format.h>

#include "engine/mutation/text_match.h"
#include "support/strings.h"

namespace clade::mutation {
namespace {

using clang::tooling::Replacement;
using clang::tooling::Replacements;

tl::unexpected<EditRejection> Reject(RejectReason reason, std::string message) {
  return tl::unexpected(EditRejection{reason, -1, std::move(message), {}});
}

template <typename T>
T TakeEditValue(tl::expected<T, EditRejection>&& result) {
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

// CLADE_TRY for tl::expected<T, EditRejection>.
#define CLADE_TRY_EDIT(expr)                                             \
  __extension__({                                                        \
    auto try_edit_ = (expr);                                             \
    if (!try_edit_) return tl::unexpected(std::move(try_edit_).error()); \
    TakeEditValue(std::move(try_edit_));                                 \
  })

// Checks a path an edit names: well-formed and editable.
tl::expected<std::string, EditRejection> CheckPath(const EditContext& context,
                                                   std::string_view path) {
  std::optional<std::string> normal = NormalizeAgentPath(path);
  if (!normal) {
    return Reject(RejectReason::kInvalid,
                  fmt::format("path \"{}\" is not a relative path inside the agent", path));
  }
  if (!context.agent.IsEditable(*normal)) {
    return Reject(
        RejectReason::kNotEditable,
        fmt::format("{} is not editable (editable: {})", *normal,
                    context.agent.editable().globs().empty()
                        ? std::string("everything but agent.yaml")
                        : fmt::format("{}", fmt::join(context.agent.editable().globs(), ", "))));
  }
  return *normal;
}

tl::expected<std::string, EditRejection> ReadExisting(const EditContext& context,
                                                      const std::string& path) {
  if (!context.agent.Exists(path)) {
    return Reject(RejectReason::kMissing, fmt::format("file {} does not exist", path));
  }
  Result<std::string> text = context.agent.Read(path);
  if (!text) return Reject(RejectReason::kMissing, text.error().message);
  return *text;
}

// A single definition named `name`, or the reason there is not exactly one.
tl::expected<const Symbol*, EditRejection> FindFunction(const EditContext& context,
                                                        std::string_view name) {
  std::vector<const Symbol*> found = context.index.FindDefinitions(name);
  if (found.size() == 1) return found.front();
  if (found.empty()) {
    // Compare qualified names only: parameter lists would outweigh a near-miss name.
    std::string names;
    std::vector<const Symbol*> functions;
    for (const Symbol& symbol : context.index.symbols) {
      if (!symbol.is_definition || symbol.parameters.empty()) continue;
      names += symbol.qualified_name + "\n";
      functions.push_back(&symbol);
    }
    std::optional<ClosestLine> closest = FindClosestLine(names, name);
    return Reject(RejectReason::kMissing,
                  fmt::format("no function definition named {}{}", name,
                              closest ? fmt::format("; the closest is {}",
                                                    functions[closest->line - 1]->Key())
                                      : ""));
  }
  std::vector<std::string> where;
  for (const Symbol* symbol : found) {
    where.push_back(
        fmt::format("{} at {}:{}", symbol->Key(), symbol->file, symbol->range.begin.line));
  }
  return Reject(RejectReason::kAmbiguous,
                fmt::format("{} names {} definitions ({}); give the parameter types", name,
                            found.size(), fmt::join(where, ", ")));
}

tl::expected<void, EditRejection> CheckWithin(const Symbol& symbol, const EditContext& context) {
  const IndexedFile* file = context.index.FindFile(symbol.file);
  if (file == nullptr || symbol.range.end.offset > file->bytes) {
    return Reject(RejectReason::kMissing,
                  fmt::format("the index of {} is out of date", symbol.file));
  }
  return {};
}

std::string TrimmedRight(std::string_view text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\t')) {
    text.remove_suffix(1);
  }
  return std::string(text);
}

class SearchReplaceOperation : public EditOperation {
 public:
  explicit SearchReplaceOperation(SearchReplace edit) : edit_(std::move(edit)) {}

  tl::expected<void, EditRejection> Prepare(const EditContext& context) override {
    if (Trim(edit_.search).empty()) return PrepareNewFile(context);
    if (edit_.path.empty()) return PrepareAnyFile(context);
    path_ = CLADE_TRY_EDIT(CheckPath(context, edit_.path));
    const std::string text = CLADE_TRY_EDIT(ReadExisting(context, path_));
    TextMatches matches = FindText(text, edit_.search);
    if (matches.spans.empty()) return Missing(text);
    if (matches.spans.size() > 1) return Ambiguous(text, matches);
    Take(matches);
    return {};
  }

  Replacements Apply() const override {
    return Replacements(Replacement(path_, span_.offset, span_.length, replace_));
  }

 private:
  tl::expected<void, EditRejection> PrepareNewFile(const EditContext& context) {
    path_ = CLADE_TRY_EDIT(CheckPath(context, edit_.path));
    if (context.agent.Exists(path_)) {
      return Reject(RejectReason::kInvalid,
                    fmt::format("the SEARCH text for {} is empty; an empty SEARCH creates a new "
                                "file, and {} exists",
                                path_, path_));
    }
    span_ = {0, 0};
    replace_ = edit_.replace;
    return {};
  }

  // No path: the search text must occur once across all editable files.
  tl::expected<void, EditRejection> PrepareAnyFile(const EditContext& context) {
    int found = 0;
    std::vector<std::string> where;
    for (const std::string& path : context.agent.files()) {
      if (!context.agent.IsEditable(path)) continue;
      Result<std::string> text = context.agent.Read(path);
      if (!text) continue;
      TextMatches matches = FindText(*text, edit_.search);
      for (const TextSpan& span : matches.spans) {
        where.push_back(fmt::format("{}:{}", path, LineOfOffset(*text, span.offset)));
      }
      found += static_cast<int>(matches.spans.size());
      if (matches.spans.size() == 1) {
        path_ = path;
        Take(matches);
      }
    }
    if (found == 1) return {};
    if (found == 0) {
      return Reject(RejectReason::kMissing,
                    fmt::format("the SEARCH text was not found in any editable file: {}",
                                FirstLine(Trim(edit_.search))));
    }
    return Reject(RejectReason::kAmbiguous,
                  fmt::format("the SEARCH text occurs {} times (at {}); give more context", found,
                              fmt::join(where, ", ")));
  }

  void Take(const TextMatches& matches) {
    span_ = matches.spans.front();
    replace_ = matches.whitespace_tolerant ? std::string(Trim(edit_.replace)) : edit_.replace;
  }

  tl::expected<void, EditRejection> Missing(const std::string& text) const {
    std::optional<ClosestLine> closest = FindClosestLine(text, edit_.search);
    return Reject(RejectReason::kMissing,
                  fmt::format("the SEARCH text was not found in {}{}", path_,
                              closest ? fmt::format("; the closest line is {}: {}", closest->line,
                                                    closest->text)
                                      : ""));
  }

  tl::expected<void, EditRejection> Ambiguous(const std::string& text,
                                              const TextMatches& matches) const {
    std::vector<int> lines;
    for (const TextSpan& span : matches.spans) lines.push_back(LineOfOffset(text, span.offset));
    return Reject(RejectReason::kAmbiguous,
                  fmt::format("the SEARCH text occurs {} times in {} (lines {}); give more context",
                              matches.spans.size(), path_, fmt::join(lines, ", ")));
  }

  SearchReplace edit_;
  std::string path_;
  TextSpan span_;
  std::string replace_;
};

class ReplaceFunctionOperation : public EditOperation {
 public:
  explicit ReplaceFunctionOperation(ReplaceFunction edit) : edit_(std::move(edit)) {}

  tl::expected<void, EditRejection> Prepare(const EditContext& context) override {
    if (Trim(edit_.text).empty()) {
      return Reject(RejectReason::kInvalid,
                    fmt::format("the new definition of {} is empty", edit_.name));
    }
    const Symbol* symbol = CLADE_TRY_EDIT(FindFunction(context, edit_.name));
    CLADE_TRY_EDIT(CheckPath(context, symbol->file));
    CLADE_TRY_EDIT(CheckWithin(*symbol, context));
    symbol_ = *symbol;
    return {};
  }

  Replacements Apply() const override {
    const SourceRange& range = symbol_.range;
    return Replacements(Replacement(symbol_.file, range.begin.offset,
                                    range.end.offset - range.begin.offset,
                                    std::string(Trim(edit_.text))));
  }

 private:
  ReplaceFunction edit_;
  Symbol symbol_;
};

class InsertFunctionOperation : public EditOperation {
 public:
  explicit InsertFunctionOperation(InsertFunction edit) : edit_(std::move(edit)) {}

  tl::expected<void, EditRejection> Prepare(const EditContext& context) override {
    if (Trim(edit_.text).empty()) {
      return Reject(RejectReason::kInvalid, "the function to insert is empty");
    }
    if (!edit_.after.empty()) {
      const Symbol* symbol = CLADE_TRY_EDIT(FindFunction(context, edit_.after));
      if (!edit_.path.empty() && NormalizeAgentPath(edit_.path) != symbol->file) {
        return Reject(RejectReason::kInvalid, fmt::format("{} is defined in {}, not in {}",
                                                          edit_.after, symbol->file, edit_.path));
      }
      path_ = CLADE_TRY_EDIT(CheckPath(context, symbol->file));
      CLADE_TRY_EDIT(CheckWithin(*symbol, context));
      offset_ = symbol->range.end.offset;
      text_ = "\n\n" + TrimmedRight(Trim(edit_.text));
      return {};
    }
    if (edit_.path.empty()) {
      return Reject(RejectReason::kInvalid,
                    "an inserted function needs a file or a function to follow");
    }
    path_ = CLADE_TRY_EDIT(CheckPath(context, edit_.path));
    const std::string text = CLADE_TRY_EDIT(ReadExisting(context, path_));
    offset_ = text.size();
    const std::string separator = text.empty() ? "" : text.ends_with('\n') ? "\n" : "\n\n";
    text_ = separator + TrimmedRight(Trim(edit_.text)) + "\n";
    return {};
  }

  Replacements Apply() const override {
    return Replacements(Replacement(path_, offset_, 0, text_));
  }

 private:
  InsertFunction edit_;
  std::string path_;
  size_t offset_ = 0;
  std::string text_;
};

class AddFileOperation : public EditOperation {
 public:
  explicit AddFileOperation(AddFile edit) : edit_(std::move(edit)) {}

  tl::expected<void, EditRejection> Prepare(const EditContext& context) override {
    path_ = CLADE_TRY_EDIT(CheckPath(context, edit_.path));
    if (context.agent.Exists(path_) || std::filesystem::exists(context.agent.Absolute(path_))) {
      return Reject(RejectReason::kInvalid,
                    fmt::format("{} already exists; change it with SEARCH/REPLACE", path_));
    }
    return {};
  }

  Replacements Apply() const override {
    std::string text = edit_.text;
    if (!text.empty() && !text.ends_with('\n')) text += '\n';
    return Replacements(Replacement(path_, 0, 0, text));
  }

 private:
  AddFile edit_;
  std::string path_;
};

class ReplaceRangeOperation : public EditOperation {
 public:
  explicit ReplaceRangeOperation(ReplaceRange edit) : edit_(std::move(edit)) {}

  tl::expected<void, EditRejection> Prepare(const EditContext& context) override {
    path_ = CLADE_TRY_EDIT(CheckPath(context, edit_.path));
    const std::string text = CLADE_TRY_EDIT(ReadExisting(context, path_));
    if (edit_.offset > text.size() || text.size() - edit_.offset < edit_.old.size() ||
        text.compare(edit_.offset, edit_.old.size(), edit_.old) != 0) {
      return Reject(RejectReason::kMissing,
                    fmt::format("{} does not have \"{}\" at byte {} (it has {} bytes)", path_,
                                edit_.old, edit_.offset, text.size()));
    }
    return {};
  }

  Replacements Apply() const override {
    return Replacements(Replacement(path_, static_cast<unsigned>(edit_.offset),
                                    static_cast<unsigned>(edit_.old.size()), edit_.text));
  }

 private:
  ReplaceRange edit_;
  std::string path_;
};

#undef CLADE_TRY_EDIT

}  // namespace

std::optional<std::string> NormalizeAgentPath(std::string_view path) {
  if (path.empty() || path.front() == '/') return std::nullopt;
  std::vector<std::string> parts;
  for (std::string& part : Split(path, '/')) {
    if (part.empty() || part == ".") continue;
    if (part == "..") return std::nullopt;
    parts.push_back(std::move(part));
  }
  if (parts.empty()) return std::nullopt;
  return fmt::format("{}", fmt::join(parts, "/"));
}

std::unique_ptr<EditOperation> MakeEditOperation(const Edit& edit) {
  if (auto* e = std::get_if<SearchReplace>(&edit)) {
    return std::make_unique<SearchReplaceOperation>(*e);
  }
  if (auto* e = std::get_if<ReplaceFunction>(&edit)) {
    return std::make_unique<ReplaceFunctionOperation>(*e);
  }
  if (auto* e = std::get_if<InsertFunction>(&edit)) {
    return std::make_unique<InsertFunctionOperation>(*e);
  }
  if (auto* e = std::get_if<ReplaceRange>(&edit)) {
    return std::make_unique<ReplaceRangeOperation>(*e);
  }
  return std::make_unique<AddFileOperation>(std::get<AddFile>(edit));
}

}  // namespace clade::mutation
