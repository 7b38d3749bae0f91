#include "engine/mutation/apply_edits.h"

#include <map>
#include <memory>
#include <set>

#include <clang/Format/Format.h>
#include <clang/Tooling/Core/Replacement.h>
#include <fmt/format.h>

#include "engine/mutation/edit_operation.h"
#include "engine/mutation/parse.h"

namespace clade::mutation {
namespace {

using clang::tooling::Replacement;
using clang::tooling::Replacements;

tl::unexpected<EditRejection> Reject(RejectReason reason, int edit, std::string message,
                                     std::string diagnostics = {}) {
  return tl::unexpected(EditRejection{reason, edit, std::move(message), std::move(diagnostics)});
}

// A range of an original file changed by one edit.
struct Claim {
  size_t offset;
  size_t length;
  int edit;
};

bool Conflicts(const Claim& a, const Replacement& b) {
  const size_t b_offset = b.getOffset(), b_length = b.getLength();
  if (a.length > 0 && b_length > 0) {
    return a.offset < b_offset + b_length && b_offset < a.offset + a.length;
  }
  if (a.length == 0 && b_length == 0) return a.offset == b_offset;
  // An insertion where a replaced range starts or inside it: the order would be a guess.
  const size_t insertion = a.length == 0 ? a.offset : b_offset;
  const size_t begin = a.length == 0 ? b_offset : a.offset;
  const size_t end = a.length == 0 ? b_offset + b_length : a.offset + a.length;
  return begin <= insertion && insertion < end;
}

// Merges the replacements of every edit per file, rejecting edits that touch the same text.
tl::expected<std::map<std::string, Replacements>, EditRejection> Collect(
    const AgentSource& agent, const SourceIndex& index, const std::vector<Edit>& edits) {
  const EditContext context{agent, index};
  std::map<std::string, Replacements> by_file;
  std::map<std::string, std::vector<Claim>> claims;
  for (size_t i = 0; i < edits.size(); ++i) {
    const int edit = static_cast<int>(i);
    std::unique_ptr<EditOperation> operation = MakeEditOperation(edits[i]);
    if (auto prepared = operation->Prepare(context); !prepared) {
      EditRejection rejection = std::move(prepared).error();
      rejection.edit = edit;
      return tl::unexpected(std::move(rejection));
    }
    for (const Replacement& replacement : operation->Apply()) {
      const std::string path = replacement.getFilePath().str();
      for (const Claim& claim : claims[path]) {
        if (Conflicts(claim, replacement)) {
          return Reject(
              RejectReason::kOverlapping, edit,
              fmt::format("edit {} ({}) changes the same text of {} as edit {} ({})", edit + 1,
                          Describe(edits[i]), path, claim.edit + 1, Describe(edits[claim.edit])));
        }
      }
      if (llvm::Error error = by_file[path].add(replacement)) {
        return Reject(RejectReason::kOverlapping, edit,
                      fmt::format("edit {} ({}) conflicts with another edit of {}: {}", edit + 1,
                                  Describe(edits[i]), path, llvm::toString(std::move(error))));
      }
      claims[path].push_back({replacement.getOffset(), replacement.getLength(), edit});
    }
  }
  return by_file;
}

// The first edit that changed `path`, for attributing a file-level rejection.
int FirstEditOf(const std::vector<Edit>& edits, const std::string& path, const AgentSource& agent,
                const SourceIndex& index) {
  for (size_t i = 0; i < edits.size(); ++i) {
    std::unique_ptr<EditOperation> operation = MakeEditOperation(edits[i]);
    if (!operation->Prepare({agent, index})) continue;
    Replacements replacements = operation->Apply();
    if (!replacements.empty() && replacements.begin()->getFilePath() == path) {
      return static_cast<int>(i);
    }
  }
  return -1;
}

// The style is built in place on the heap and never copied: clang 14's getLLVMStyle leaves
// some bool members uninitialised, and a copy made in this (sanitized) code would load them.
std::unique_ptr<clang::format::FormatStyle> LlvmStyle() {
  // `new T(prvalue)` constructs in place, where make_unique would move from a temporary.
  // NOLINTNEXTLINE(modernize-make-unique)
  return std::unique_ptr<clang::format::FormatStyle>(
      new clang::format::FormatStyle(clang::format::getLLVMStyle()));
}

std::unique_ptr<clang::format::FormatStyle> StyleOf(const AgentSource& agent) {
  std::unique_ptr<clang::format::FormatStyle> style = LlvmStyle();
  if (std::optional<std::string> config = agent.ClangFormatConfig()) {
    // A failed parse may have set some fields; start again from the default.
    if (clang::format::parseConfiguration(*config, style.get())) {
      style = LlvmStyle();
    }
  }
  return style;
}

// Whether a formatting replacement lies within the changed lines. Each range is widened
// to whole lines but stops before the last line's newline, so clang-format can neither
// join a changed line with its neighbours nor reindent an unchanged line.
bool WithinChangedLines(const Replacement& replacement, const std::string& code,
                        const std::vector<clang::tooling::Range>& ranges) {
  for (const clang::tooling::Range& range : ranges) {
    const size_t offset = range.getOffset(), range_end = offset + range.getLength();
    const size_t newline_before = offset == 0 ? std::string::npos : code.rfind('\n', offset - 1);
    const size_t begin = newline_before == std::string::npos ? 0 : newline_before + 1;
    size_t end = range_end;
    if (range_end == 0 || code[range_end - 1] != '\n') {
      end = std::min(code.find('\n', range_end), code.size());
    } else {
      end = range_end - 1;
    }
    if (begin <= replacement.getOffset() &&
        replacement.getOffset() + replacement.getLength() <= end) {
      return true;
    }
  }
  return false;
}

std::string Format(const clang::format::FormatStyle& style, const std::string& path,
                   const std::string& code, const std::vector<clang::tooling::Range>& ranges) {
  Replacements kept;
  for (const Replacement& replacement : clang::format::reformat(style, code, ranges, path)) {
    if (!WithinChangedLines(replacement, code, ranges)) continue;
    if (llvm::Error error = kept.add(replacement)) llvm::consumeError(std::move(error));
  }
  llvm::Expected<std::string> formatted = clang::tooling::applyAllReplacements(code, kept);
  if (!formatted) {
    llvm::consumeError(formatted.takeError());
    return code;  // formatting is a courtesy; the unformatted text is still correct
  }
  return *formatted;
}

// Errors of the edited files that the originals did not have.
Result<std::vector<Diagnostic>> NewErrors(const AgentSource& agent, const std::string& path,
                                          const FileOverlay& overlay, PreambleCache* preambles) {
  std::vector<Diagnostic> errors = CLADE_TRY(CheckSyntax(agent, path, overlay, preambles));
  if (errors.empty() || !agent.Exists(path)) return errors;
  std::vector<Diagnostic> before = CLADE_TRY(CheckSyntax(agent, path, {}, preambles));
  std::multiset<std::pair<std::string, std::string>> old;
  for (const Diagnostic& d : before) old.insert({d.file, d.message});
  std::vector<Diagnostic> fresh;
  for (Diagnostic& d : errors) {
    auto it = old.find({d.file, d.message});
    if (it != old.end()) {
      old.erase(it);
    } else {
      fresh.push_back(std::move(d));
    }
  }
  return fresh;
}

}  // namespace

ApplyResult ApplyEdits(const AgentSource& agent, const SourceIndex& index,
                       const std::vector<Edit>& edits, const ApplyOptions& options) {
  if (edits.empty()) return Reject(RejectReason::kInvalid, -1, "there are no edits to apply");
  auto collected = Collect(agent, index, edits);
  if (!collected) return tl::unexpected(std::move(collected).error());

  AppliedEdits applied;
  std::map<std::string, std::vector<clang::tooling::Range>> changed;
  for (const auto& [path, replacements] : *collected) {
    std::string original;
    if (agent.Exists(path)) {
      Result<std::string> text = agent.Read(path);
      if (!text) return Reject(RejectReason::kMissing, -1, text.error().message);
      original = std::move(*text);
    }
    llvm::Expected<std::string> edited =
        clang::tooling::applyAllReplacements(original, replacements);
    if (!edited) {
      return Reject(RejectReason::kOverlapping, FirstEditOf(edits, path, agent, index),
                    fmt::format("the edits of {} cannot be applied together: {}", path,
                                llvm::toString(edited.takeError())));
    }
    applied.files[path] = std::move(*edited);
    changed[path] = replacements.getAffectedRanges();
  }

  if (options.check_syntax) {
    for (const auto& [path, text] : applied.files) {
      if (!IsCxxFile(path)) continue;
      Result<std::vector<Diagnostic>> errors =
          NewErrors(agent, path, applied.files, options.preambles);
      if (!errors) return Reject(RejectReason::kMissing, -1, errors.error().message);
      if (errors->empty()) continue;
      return Reject(
          RejectReason::kSyntaxError, FirstEditOf(edits, path, agent, index),
          fmt::format("the edited {} does not compile: {}", path, errors->front().Format()),
          FormatDiagnostics(*errors));
    }
  }

  if (options.format) {
    const std::unique_ptr<clang::format::FormatStyle> style = StyleOf(agent);
    for (auto& [path, text] : applied.files) {
      if (IsCxxFile(path)) text = Format(*style, path, text, changed[path]);
    }
  }
  return applied;
}

}  // namespace clade::mutation
