#include "engine/mutation/parse.h"

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/Tooling.h>
#include <fmt/format.h>

namespace clade::mutation {
namespace {

// Keeps errors and fatal errors, with locations made relative to the agent root.
class ErrorCollector : public clang::DiagnosticConsumer {
 public:
  explicit ErrorCollector(const AgentSource& agent) : agent_(agent) {}

  std::vector<Diagnostic> Take() { return std::move(errors_); }

  void HandleDiagnostic(clang::DiagnosticsEngine::Level level,
                        const clang::Diagnostic& info) override {
    clang::DiagnosticConsumer::HandleDiagnostic(level, info);
    if (level < clang::DiagnosticsEngine::Error) return;
    Diagnostic diagnostic;
    llvm::SmallString<128> text;
    info.FormatDiagnostic(text);
    diagnostic.message = text.str().str();
    if (info.getLocation().isValid() && info.hasSourceManager()) {
      clang::PresumedLoc where = info.getSourceManager().getPresumedLoc(info.getLocation());
      if (where.isValid()) {
        diagnostic.file = agent_.Relative(where.getFilename()).value_or(where.getFilename());
        diagnostic.line = static_cast<int>(where.getLine());
        diagnostic.column = static_cast<int>(where.getColumn());
      }
    }
    errors_.push_back(std::move(diagnostic));
  }

 private:
  AgentSource agent_;  // a copy: the AST may outlive the caller's
  std::vector<Diagnostic> errors_;
};

}  // namespace

std::string Diagnostic::Format() const {
  if (line == 0)
    return fmt::format("{}: error: {}", file.empty() ? "<command line>" : file, message);
  return fmt::format("{}:{}:{}: error: {}", file, line, column, message);
}

std::string FormatDiagnostics(const std::vector<Diagnostic>& diagnostics) {
  std::string text;
  for (const Diagnostic& d : diagnostics) text += d.Format() + "\n";
  return text;
}

ParsedFile::ParsedFile() = default;
ParsedFile::ParsedFile(ParsedFile&&) noexcept = default;
ParsedFile& ParsedFile::operator=(ParsedFile&&) noexcept = default;
ParsedFile::~ParsedFile() = default;

Result<ParsedFile> ParseFile(const AgentSource& agent, std::string_view path,
                             const FileOverlay& overlay) {
  std::string code = CLADE_TRY(agent.Read(path, overlay).map_error([&](Error e) {
    return std::move(e).Context(fmt::format("parsing {}", path));
  }));
  clang::tooling::FileContentMappings mapped;
  for (const auto& [name, text] : overlay) {
    if (name != path) mapped.emplace_back(agent.Absolute(name).string(), text);
  }
  ParsedFile parsed;
  auto collector = std::make_unique<ErrorCollector>(agent);
  parsed.ast = clang::tooling::buildASTFromCodeWithArgs(
      code, agent.ParseArguments(path), agent.Absolute(path).string(), "clang",
      std::make_shared<clang::PCHContainerOperations>(),
      clang::tooling::getClangStripDependencyFileAdjuster(), mapped, collector.get());
  parsed.errors = collector->Take();
  parsed.consumer = std::move(collector);
  if (!parsed.ast && parsed.errors.empty()) {
    parsed.errors.push_back({std::string(path), 0, 0, "the compiler could not start"});
  }
  return parsed;
}

Result<std::vector<Diagnostic>> CheckSyntax(const AgentSource& agent, std::string_view path,
                                            const FileOverlay& overlay) {
  ParsedFile parsed = CLADE_TRY(ParseFile(agent, path, overlay));
  return std::move(parsed.errors);
}

}  // namespace clade::mutation
