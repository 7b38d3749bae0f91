#include "engine/mutation/source_index.h"

#include <algorithm>
#include <map>
#include <set>

#include <clang/AST/ASTContext.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/DeclTemplate.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Lex/Lexer.h>
#include <fmt/format.h>

namespace clade::mutation {
namespace {

std::string RemoveSpaces(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c != ' ' && c != '\t' && c != '\n') out += c;
  }
  return out;
}

// Collects the symbols declared in the agent's files of one translation unit. Declarations
// in other files (system headers, the standard library) are skipped without descending.
class SymbolCollector : public clang::RecursiveASTVisitor<SymbolCollector> {
 public:
  SymbolCollector(const AgentSource& agent, clang::ASTContext& context, std::vector<Symbol>* out)
      : agent_(agent), context_(context), sm_(context.getSourceManager()), out_(out) {}

  bool TraverseDecl(clang::Decl* decl) {
    if (decl == nullptr) return true;
    if (!clang::isa<clang::TranslationUnitDecl>(decl) && !AgentFile(decl->getLocation())) {
      return true;
    }
    return RecursiveASTVisitor::TraverseDecl(decl);
  }

  bool VisitTagDecl(clang::TagDecl* tag) {
    if (tag->isImplicit() || tag->getName().empty() || !tag->isThisDeclarationADefinition()) {
      return true;
    }
    if (auto* record = clang::dyn_cast<clang::CXXRecordDecl>(tag)) {
      if (record->isLambda() ||
          record->getTemplateSpecializationKind() == clang::TSK_ImplicitInstantiation) {
        return true;
      }
    }
    SymbolKind kind = tag->isEnum()     ? SymbolKind::kEnum
                      : tag->isUnion()  ? SymbolKind::kUnion
                      : tag->isStruct() ? SymbolKind::kStruct
                                        : SymbolKind::kClass;
    clang::SourceRange range = tag->getSourceRange();
    if (auto* record = clang::dyn_cast<clang::CXXRecordDecl>(tag)) {
      if (auto* described = record->getDescribedClassTemplate()) {
        range = described->getSourceRange();
      }
    }
    Symbol symbol;
    symbol.kind = kind;
    symbol.signature = fmt::format("{} {}", SymbolKindName(kind), tag->getQualifiedNameAsString());
    Add(tag, range, true, std::move(symbol));
    return true;
  }

  bool VisitFunctionDecl(clang::FunctionDecl* function) {
    if (function->isImplicit() || function->isTemplateInstantiation() ||
        clang::isa<clang::CXXDeductionGuideDecl>(function)) {
      return true;
    }
    if (auto* method = clang::dyn_cast<clang::CXXMethodDecl>(function)) {
      if (method->getParent()->isLambda()) return true;
    }
    clang::SourceRange range = function->getSourceRange();
    if (auto* described = function->getDescribedFunctionTemplate()) {
      range = described->getSourceRange();
    }
    Symbol symbol;
    symbol.kind =
        clang::isa<clang::CXXMethodDecl>(function) ? SymbolKind::kMethod : SymbolKind::kFunction;
    symbol.parameters = Parameters(function, /*with_names=*/false);
    symbol.signature = Signature(function);
    Add(function, range, function->doesThisDeclarationHaveABody(), std::move(symbol));
    return true;
  }

 private:
  // The agent-relative path of the file a location is expanded in, if it is the agent's.
  std::optional<std::string> AgentFile(clang::SourceLocation location) {
    if (location.isInvalid()) return std::nullopt;
    clang::FileID id = sm_.getFileID(sm_.getExpansionLoc(location));
    if (auto it = files_.find(id); it != files_.end()) return it->second;
    std::optional<std::string> path;
    if (const clang::FileEntry* entry = sm_.getFileEntryForID(id)) {
      path =
          agent_.Relative(entry->tryGetRealPathName().empty() ? entry->getName().str()
                                                              : entry->tryGetRealPathName().str());
      if (!path) path = agent_.Relative(entry->getName().str());
    }
    files_.emplace(id, path);
    return path;
  }

  SourcePosition Position(clang::SourceLocation location) {
    SourcePosition position;
    position.offset = sm_.getFileOffset(location);
    position.line = static_cast<int>(sm_.getSpellingLineNumber(location));
    position.column = static_cast<int>(sm_.getSpellingColumnNumber(location));
    return position;
  }

  // The source text of a range, whitespace runs collapsed; nullopt inside macros.
  std::optional<std::string> Spelled(clang::SourceRange range) {
    if (range.isInvalid() || range.getBegin().isMacroID() || range.getEnd().isMacroID()) {
      return std::nullopt;
    }
    bool invalid = false;
    llvm::StringRef text = clang::Lexer::getSourceText(clang::CharSourceRange::getTokenRange(range),
                                                       sm_, context_.getLangOpts(), &invalid);
    if (invalid || text.empty()) return std::nullopt;
    std::string out;
    for (char c : text) {
      const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r';
      if (space && (out.empty() || out.back() == ' ')) continue;
      out += space ? ' ' : c;
    }
    return out;
  }

  // Parameter types (and names) as the source spells them: "(const Task& task)".
  std::string Parameters(const clang::FunctionDecl* function, bool with_names) {
    clang::PrintingPolicy policy(context_.getLangOpts());
    std::string text = "(";
    for (unsigned i = 0; i < function->getNumParams(); ++i) {
      const clang::ParmVarDecl* param = function->getParamDecl(i);
      if (i > 0) text += ", ";
      std::optional<std::string> type;
      if (const clang::TypeSourceInfo* info = param->getTypeSourceInfo()) {
        // The type loc alone starts after a leading "const"; the declaration starts at it.
        type = Spelled({param->getBeginLoc(), info->getTypeLoc().getEndLoc()});
      }
      text += type.value_or(param->getType().getAsString(policy));
      if (with_names && !param->getName().empty()) text += " " + param->getNameAsString();
    }
    if (function->isVariadic()) text += function->getNumParams() > 0 ? ", ..." : "...";
    return text + ")";
  }

  std::string Signature(const clang::FunctionDecl* function) {
    clang::PrintingPolicy policy(context_.getLangOpts());
    std::string text;
    if (!clang::isa<clang::CXXConstructorDecl>(function) &&
        !clang::isa<clang::CXXDestructorDecl>(function) &&
        !clang::isa<clang::CXXConversionDecl>(function)) {
      text = Spelled(function->getReturnTypeSourceRange())
                 .value_or(function->getReturnType().getAsString(policy)) +
             " ";
    }
    text += function->getQualifiedNameAsString() + Parameters(function, /*with_names=*/true);
    if (auto* method = clang::dyn_cast<clang::CXXMethodDecl>(function)) {
      if (method->isConst()) text += " const";
    }
    return text;
  }

  void Add(const clang::NamedDecl* decl, clang::SourceRange range, bool definition, Symbol symbol) {
    clang::CharSourceRange expanded = sm_.getExpansionRange(range);
    clang::SourceLocation begin = expanded.getBegin();
    clang::SourceLocation end = expanded.getEnd();
    if (expanded.isTokenRange()) {
      end = clang::Lexer::getLocForEndOfToken(end, 0, sm_, context_.getLangOpts());
    }
    if (begin.isInvalid() || end.isInvalid() || sm_.getFileID(begin) != sm_.getFileID(end)) return;
    std::optional<std::string> file = AgentFile(begin);
    if (!file) return;
    symbol.name = decl->getNameAsString();
    symbol.qualified_name = decl->getQualifiedNameAsString();
    symbol.file = *file;
    symbol.range = {Position(begin), Position(end)};
    symbol.is_definition = definition;
    if (auto* parent = clang::dyn_cast<clang::CXXRecordDecl>(decl->getDeclContext())) {
      symbol.parent = parent->getQualifiedNameAsString();
    }
    out_->push_back(std::move(symbol));
  }

  const AgentSource& agent_;
  clang::ASTContext& context_;
  clang::SourceManager& sm_;
  std::vector<Symbol>* out_;
  std::map<clang::FileID, std::optional<std::string>> files_;
};

int CountLines(std::string_view text) {
  int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  return (!text.empty() && text.back() != '\n') ? lines + 1 : lines;
}

Result<std::vector<IndexedFile>> ListFiles(const AgentSource& agent, const FileOverlay& overlay) {
  std::set<std::string> paths(agent.files().begin(), agent.files().end());
  for (const auto& [path, text] : overlay) paths.insert(path);
  std::vector<IndexedFile> files;
  for (const std::string& path : paths) {
    std::string text = CLADE_TRY(agent.Read(path, overlay));
    files.push_back({path, text.size(), CountLines(text), agent.IsEditable(path), IsCxxFile(path)});
  }
  return files;
}

bool SameSymbol(const Symbol& a, const Symbol& b) {
  return a.file == b.file && a.range.begin.offset == b.range.begin.offset &&
         a.qualified_name == b.qualified_name;
}

}  // namespace

std::string_view SymbolKindName(SymbolKind kind) {
  switch (kind) {
    case SymbolKind::kClass:
      return "class";
    case SymbolKind::kStruct:
      return "struct";
    case SymbolKind::kUnion:
      return "union";
    case SymbolKind::kEnum:
      return "enum";
    case SymbolKind::kFunction:
      return "function";
    case SymbolKind::kMethod:
      return "method";
  }
  return "symbol";
}

std::vector<const Symbol*> SourceIndex::FindDefinitions(std::string_view name) const {
  const std::string wanted = RemoveSpaces(name);
  std::vector<const Symbol*> found;
  for (const Symbol& symbol : symbols) {
    if (!symbol.is_definition ||
        (symbol.kind != SymbolKind::kFunction && symbol.kind != SymbolKind::kMethod)) {
      continue;
    }
    if (symbol.qualified_name == wanted || RemoveSpaces(symbol.Key()) == wanted) {
      found.push_back(&symbol);
    }
  }
  return found;
}

const IndexedFile* SourceIndex::FindFile(std::string_view path) const {
  auto it = std::lower_bound(files.begin(), files.end(), path,
                             [](const IndexedFile& f, std::string_view p) { return f.path < p; });
  return (it != files.end() && it->path == path) ? &*it : nullptr;
}

Result<SourceIndex> BuildSourceIndex(const AgentSource& agent, const FileOverlay& overlay) {
  SourceIndex index;
  index.files = CLADE_TRY(ListFiles(agent, overlay));
  std::set<std::string> covered;  // files whose symbols some parse has seen
  auto parse = [&](const std::string& path) -> Result<> {
    ParsedFile parsed = CLADE_TRY(ParseFile(agent, path, overlay));
    index.errors.insert(index.errors.end(), parsed.errors.begin(), parsed.errors.end());
    if (!parsed.ast) return {};
    SymbolCollector collector(agent, parsed.ast->getASTContext(), &index.symbols);
    collector.TraverseAST(parsed.ast->getASTContext());
    clang::SourceManager& sm = parsed.ast->getSourceManager();
    for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
      if (auto relative = agent.Relative(it->getFirst()->getName().str()))
        covered.insert(*relative);
    }
    covered.insert(path);
    return {};
  };
  for (const IndexedFile& file : index.files) {
    if (file.cxx && IsCxxSource(file.path)) CLADE_TRY(parse(file.path));
  }
  for (const IndexedFile& file : index.files) {
    if (file.cxx && !covered.contains(file.path)) CLADE_TRY(parse(file.path));
  }
  std::stable_sort(
      index.symbols.begin(), index.symbols.end(), [](const Symbol& a, const Symbol& b) {
        return std::tie(a.file, a.range.begin.offset) < std::tie(b.file, b.range.begin.offset);
      });
  index.symbols.erase(std::unique(index.symbols.begin(), index.symbols.end(), SameSymbol),
                      index.symbols.end());
  return index;
}

}  // namespace clade::mutation
