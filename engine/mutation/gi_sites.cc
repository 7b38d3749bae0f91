// The only GI translation unit that includes Clang headers (they cost about a minute of
// CPU to compile): it walks each editable file's AST once and reduces it to plain data.
#include "engine/mutation/gi_sites.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/AST/DeclCXX.h>
#include <clang/AST/Expr.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/RecursiveASTVisitor.h>
#include <clang/AST/Stmt.h>
#include <clang/AST/StmtCXX.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Lex/Lexer.h>
#include <fmt/format.h>

#include "engine/mutation/gi_site_cache.h"
#include "support/fs.h"
#include "support/hash.h"

namespace clade::mutation::gi {
namespace {

using namespace clang;

const std::set<std::string> kBinary = {"+",  "-",  "*",  "/",  "%",  "<",  "<=", ">",  ">=",
                                       "==", "!=", "&&", "||", "+=", "-=", "*=", "/=", "%="};

struct FunctionContext {
  int id = -1;
  std::string return_type;
  std::string this_class;
};

struct WalkState {
  const FunctionContext* function = nullptr;
  bool in_loop = false;
  bool in_switch = false;
  size_t scope_end = 0;  // exclusive end of the innermost scope
};

class Collector : public RecursiveASTVisitor<Collector> {
 public:
  Collector(ASTContext& context, FileSites& sites)
      : context_(context), sm_(context.getSourceManager()), sites_(sites) {}

  // Only declarations spelled in the main file; bodies are walked by Walk(), not here.
  bool TraverseDecl(Decl* decl) {
    if (decl != nullptr && !isa<TranslationUnitDecl>(decl)) {
      SourceLocation loc = decl->getLocation();
      if (loc.isValid() && !sm_.isInMainFile(sm_.getExpansionLoc(loc))) return true;
    }
    return RecursiveASTVisitor::TraverseDecl(decl);
  }
  bool TraverseStmt(Stmt*) { return true; }

  bool VisitFunctionDecl(FunctionDecl* function) {
    if (!function->doesThisDeclarationHaveABody() || function->getBody() == nullptr ||
        function->isDefaulted() || function->isImplicit()) {
      return true;
    }
    if (auto* method = dyn_cast<CXXMethodDecl>(function);
        method && method->getParent()->isLambda()) {
      return true;
    }
    const Stmt* body = function->getBody();
    std::optional<size_t> begin = Offset(body->getBeginLoc());
    std::optional<size_t> end = EndOffset(body->getEndLoc());
    if (!begin || !end) return true;
    auto context = std::make_unique<FunctionContext>();
    context->id = next_function_++;
    context->return_type = function->getReturnType().getCanonicalType().getAsString();
    if (auto* method = dyn_cast<CXXMethodDecl>(function); method && method->isInstance()) {
      context->this_class = method->getParent()->getQualifiedNameAsString();
    }
    for (const ParmVarDecl* param : function->parameters()) {
      AddVariable(param, *begin, *end, context->id);
    }
    WalkState state;
    state.function = context.get();
    state.scope_end = *end;
    functions_.push_back(std::move(context));
    Walk(body, state);
    return true;
  }

  void Finish() {
    auto by_offset = [](const auto& a, const auto& b) { return a.offset < b.offset; };
    auto by_begin = [](const auto& a, const auto& b) { return a.begin < b.begin; };
    std::stable_sort(sites_.points.begin(), sites_.points.end(), by_offset);
    std::stable_sort(sites_.statements.begin(), sites_.statements.end(), by_begin);
    std::stable_sort(sites_.binary.begin(), sites_.binary.end(), by_offset);
    std::stable_sort(sites_.unary.begin(), sites_.unary.end(), by_offset);
    std::stable_sort(sites_.literals.begin(), sites_.literals.end(), by_begin);
    std::stable_sort(sites_.conditions.begin(), sites_.conditions.end(), by_begin);
    auto same_offset = [](const auto& a, const auto& b) { return a.offset == b.offset; };
    auto same_begin = [](const auto& a, const auto& b) { return a.begin == b.begin; };
    auto dedupe = [](auto& list, auto same) {
      list.erase(std::unique(list.begin(), list.end(), same), list.end());
    };
    dedupe(sites_.points, same_offset);
    dedupe(sites_.statements, same_begin);
    dedupe(sites_.binary, same_offset);
    dedupe(sites_.unary, same_offset);
    dedupe(sites_.literals, same_begin);
    dedupe(sites_.conditions, same_begin);
  }

 private:
  // The offset of a location spelled in the main file, outside any macro.
  std::optional<size_t> Offset(SourceLocation loc) const {
    if (loc.isInvalid() || loc.isMacroID()) return std::nullopt;
    auto [file, offset] = sm_.getDecomposedLoc(loc);
    if (file != sm_.getMainFileID()) return std::nullopt;
    return offset;
  }

  // One past the last byte of the token at `loc`.
  std::optional<size_t> EndOffset(SourceLocation loc) const {
    std::optional<size_t> begin = Offset(loc);
    if (!begin) return std::nullopt;
    return *begin + Lexer::MeasureTokenLength(loc, sm_, context_.getLangOpts());
  }

  // The end of a statement, its ';' included.
  std::optional<size_t> EndOf(const Stmt* stmt) const {
    std::optional<size_t> end = EndOffset(stmt->getEndLoc());
    if (!end) return std::nullopt;
    if (isa<CompoundStmt>(stmt) || (*end > 0 && sites_.text[*end - 1] == ';')) return end;
    Optional<Token> next = Lexer::findNextToken(stmt->getEndLoc(), sm_, context_.getLangOpts());
    if (next && next->is(tok::semi)) {
      if (std::optional<size_t> semi = Offset(next->getLocation())) return *semi + 1;
    }
    return end;
  }

  void AddVariable(const Decl* decl, size_t from, size_t to, int function) {
    const int id = static_cast<int>(sites_.variables.size());
    sites_.variables.push_back({function, from, to});
    variables_[decl] = id;
    if (auto* decomposition = dyn_cast<DecompositionDecl>(decl)) {
      for (const BindingDecl* binding : decomposition->bindings()) variables_[binding] = id;
    }
  }

  // Free variables, jumps and returns of a statement. `own_loop`/`own_switch`: inside a
  // loop or switch of the statement itself; `lambda`: inside a lambda of its own.
  void Scan(const Stmt* stmt, Statement& out, bool own_loop, bool own_switch, bool lambda) {
    if (stmt == nullptr) return;
    if (isa<BreakStmt>(stmt) && !own_loop && !own_switch && !lambda) out.free_break = true;
    if (isa<ContinueStmt>(stmt) && !own_loop && !lambda) out.free_continue = true;
    if (isa<ReturnStmt>(stmt) && !lambda) out.has_return = true;
    if (isa<CXXThisExpr>(stmt)) out.uses_this = true;
    if (auto* ref = dyn_cast<DeclRefExpr>(stmt)) {
      const ValueDecl* decl = ref->getDecl();
      auto* var = dyn_cast<VarDecl>(decl);
      if ((var != nullptr && var->isLocalVarDeclOrParm()) || isa<BindingDecl>(decl)) {
        std::optional<size_t> at = Offset(decl->getLocation());
        if (!at || *at < out.begin || *at >= out.end) {  // declared outside the statement
          auto found = variables_.find(decl);
          if (found == variables_.end()) {
            out.movable = false;
          } else if (std::find(out.variables.begin(), out.variables.end(), found->second) ==
                     out.variables.end()) {
            out.variables.push_back(found->second);
          }
        }
      }
    }
    if (auto* closure = dyn_cast<LambdaExpr>(stmt)) {
      Scan(closure->getBody(), out, own_loop, own_switch, true);
      return;
    }
    const bool loop = own_loop || isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(stmt);
    const bool in_switch = own_switch || isa<SwitchStmt>(stmt);
    for (const Stmt* child : stmt->children()) Scan(child, out, loop, in_switch, lambda);
  }

  Point PointAt(size_t offset, const WalkState& state) const {
    return Point{offset,          state.function->id,          state.in_loop,
                 state.in_switch, state.function->return_type, state.function->this_class};
  }

  void RecordStatement(const Stmt* stmt, const WalkState& state) {
    std::optional<size_t> begin = Offset(stmt->getBeginLoc());
    if (!begin) return;
    sites_.points.push_back(PointAt(*begin, state));
    if (isa<DeclStmt, NullStmt, LabelStmt, SwitchCase>(stmt)) return;
    std::optional<size_t> end = EndOf(stmt);
    if (!end || *end <= *begin) return;
    Statement statement;
    statement.begin = *begin;
    statement.end = *end;
    statement.kind = isa<Expr>(stmt) ? "expression" : stmt->getStmtClassName();
    statement.at = sites_.points.back();
    Scan(stmt, statement, false, false, false);
    sites_.statements.push_back(std::move(statement));
  }

  // An operator token whose spelling in the file is exactly `spelling`.
  std::optional<size_t> OperatorAt(SourceLocation loc, const std::string& spelling) const {
    std::optional<size_t> at = Offset(loc);
    if (!at || sites_.text.compare(*at, spelling.size(), spelling) != 0) return std::nullopt;
    if (Lexer::MeasureTokenLength(loc, sm_, context_.getLangOpts()) != spelling.size()) {
      return std::nullopt;
    }
    return at;
  }

  static bool Integral(const Expr* expr) {
    return expr != nullptr && !expr->isTypeDependent() &&
           expr->getType()->isIntegralOrUnscopedEnumerationType();
  }

  void RecordCondition(const Expr* condition, const VarDecl* variable) {
    if (condition == nullptr || variable != nullptr) return;
    std::optional<size_t> begin = Offset(condition->getBeginLoc());
    std::optional<size_t> end = EndOffset(condition->getEndLoc());
    if (begin && end && *begin < *end) sites_.conditions.push_back({*begin, *end});
  }

  void RecordSites(const Stmt* stmt) {
    if (auto* binary = dyn_cast<BinaryOperator>(stmt)) {
      const std::string spelling = BinaryOperator::getOpcodeStr(binary->getOpcode()).str();
      if (kBinary.count(spelling) != 0) {
        if (std::optional<size_t> at = OperatorAt(binary->getOperatorLoc(), spelling)) {
          sites_.binary.push_back(
              {*at, spelling, Integral(binary->getLHS()) && Integral(binary->getRHS())});
        }
      }
    } else if (auto* unary = dyn_cast<UnaryOperator>(stmt)) {
      switch (unary->getOpcode()) {
        case UO_PreInc:
        case UO_PostInc:
        case UO_PreDec:
        case UO_PostDec:
        case UO_Minus:
        case UO_LNot: {
          const std::string spelling = UnaryOperator::getOpcodeStr(unary->getOpcode()).str();
          if (std::optional<size_t> at = OperatorAt(unary->getOperatorLoc(), spelling)) {
            sites_.unary.push_back({*at, spelling, Integral(unary->getSubExpr())});
          }
          break;
        }
        default:
          break;
      }
    } else if (isa<IntegerLiteral, FloatingLiteral>(stmt)) {
      const SourceLocation loc = stmt->getBeginLoc();
      std::optional<size_t> begin = Offset(loc);
      std::optional<size_t> end = EndOffset(loc);
      if (begin && end && *begin < *end) {
        sites_.literals.push_back({*begin, *end, isa<FloatingLiteral>(stmt)});
      }
    } else if (auto* if_stmt = dyn_cast<IfStmt>(stmt)) {
      RecordCondition(if_stmt->getCond(), if_stmt->getConditionVariable());
    } else if (auto* while_stmt = dyn_cast<WhileStmt>(stmt)) {
      RecordCondition(while_stmt->getCond(), while_stmt->getConditionVariable());
    } else if (auto* for_stmt = dyn_cast<ForStmt>(stmt)) {
      RecordCondition(for_stmt->getCond(), for_stmt->getConditionVariable());
    } else if (auto* do_stmt = dyn_cast<DoStmt>(stmt)) {
      RecordCondition(do_stmt->getCond(), nullptr);
    }
  }

  void Walk(const Stmt* stmt, const WalkState& state) {
    if (stmt == nullptr) return;
    RecordSites(stmt);
    if (auto* closure = dyn_cast<LambdaExpr>(stmt)) {
      const CXXMethodDecl* call = closure->getCallOperator();
      const Stmt* body = closure->getBody();
      std::optional<size_t> begin = body ? Offset(body->getBeginLoc()) : std::nullopt;
      std::optional<size_t> end = body ? EndOffset(body->getEndLoc()) : std::nullopt;
      if (call == nullptr || !begin || !end) return;
      auto context = std::make_unique<FunctionContext>();
      context->id = next_function_++;
      context->return_type = call->getReturnType().getCanonicalType().getAsString();
      context->this_class = state.function->this_class;
      for (const ParmVarDecl* param : call->parameters()) {
        AddVariable(param, *begin, *end, context->id);
      }
      WalkState inner;
      inner.function = context.get();
      inner.scope_end = *end;
      functions_.push_back(std::move(context));
      Walk(body, inner);
      return;
    }
    if (auto* compound = dyn_cast<CompoundStmt>(stmt)) {
      WalkState inner = state;
      std::optional<size_t> rbrace = Offset(compound->getRBracLoc());
      if (rbrace) inner.scope_end = *rbrace + 1;
      for (const Stmt* child : compound->body()) {
        RecordStatement(child, inner);
        Walk(child, inner);
      }
      if (rbrace) sites_.points.push_back(PointAt(*rbrace, inner));
      return;
    }
    WalkState inner = state;
    if (isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt>(stmt)) inner.in_loop = true;
    if (isa<SwitchStmt>(stmt)) inner.in_switch = true;
    if (isa<ForStmt, WhileStmt, CXXForRangeStmt, IfStmt, SwitchStmt, CXXCatchStmt>(stmt)) {
      if (std::optional<size_t> end = EndOf(stmt)) inner.scope_end = *end;
    }
    if (auto* decls = dyn_cast<DeclStmt>(stmt)) {
      std::optional<size_t> end = EndOf(stmt);
      for (const Decl* decl : decls->decls()) {
        if (isa<VarDecl>(decl)) {
          AddVariable(decl, end.value_or(SIZE_MAX), state.scope_end, state.function->id);
        }
      }
    }
    if (auto* handler = dyn_cast<CXXCatchStmt>(stmt); handler && handler->getExceptionDecl()) {
      std::optional<size_t> begin = Offset(handler->getHandlerBlock()->getBeginLoc());
      AddVariable(handler->getExceptionDecl(), begin.value_or(SIZE_MAX), inner.scope_end,
                  state.function->id);
    }
    for (const Stmt* child : stmt->children()) Walk(child, inner);
  }

  ASTContext& context_;
  const SourceManager& sm_;
  FileSites& sites_;
  std::unordered_map<const Decl*, int> variables_;
  std::vector<std::unique_ptr<FunctionContext>> functions_;
  int next_function_ = 0;
};

// The files under the agent root, other than `path` itself, that the parse read.
std::vector<std::string> AgentFilesRead(const ASTUnit& ast, const AgentSource& agent,
                                        const std::string& path) {
  const SourceManager& sm = ast.getSourceManager();
  std::vector<std::string> read;
  for (auto it = sm.fileinfo_begin(); it != sm.fileinfo_end(); ++it) {
    if (it->first == nullptr) continue;
    std::optional<std::string> relative = agent.Relative(it->first->getName().str());
    if (relative && *relative != path) read.push_back(std::move(*relative));
  }
  std::sort(read.begin(), read.end());
  read.erase(std::unique(read.begin(), read.end()), read.end());
  return read;
}

}  // namespace

Result<std::vector<FileSites>> CollectSites(const AgentSource& agent, GiSiteCache* cache) {
  // Content hashes of agent files, read at most once per call (headers are shared).
  std::map<std::string, std::optional<std::string>> hashes;
  const GiSiteCache::HashOf hash_of = [&](const std::string& path) {
    auto found = hashes.find(path);
    if (found == hashes.end()) {
      Result<std::string> text = ReadFile(agent.Absolute(path));
      found = hashes
                  .emplace(path, text ? std::optional(ContentHash().Add(*text).Hex())
                                      : std::optional<std::string>())
                  .first;
    }
    return found->second;
  };
  std::vector<FileSites> all;
  for (const std::string& path : agent.files()) {
    if (!agent.IsEditable(path) || !IsCxxFile(path)) continue;
    FileSites sites;
    sites.path = path;
    std::error_code ec;
    const uintmax_t bytes = std::filesystem::file_size(agent.Absolute(path), ec);
    if (!ec && bytes > kMaxSiteFileBytes) {
      sites.skipped = fmt::format("{:.1f} MB, over the {} MB limit of GI mutation",
                                  static_cast<double>(bytes) / (1 << 20), kMaxSiteFileBytes >> 20);
      all.push_back(std::move(sites));
      continue;
    }
    sites.text = CLADE_TRY(agent.Read(path));
    if (cache != nullptr) {
      if (auto hit = cache->Find(agent, path, sites.text, hash_of)) {
        all.push_back(*hit);
        continue;
      }
    }
    ParsedFile parsed = CLADE_TRY(ParseFile(agent, path));
    if (!parsed.errors.empty() || !parsed.ast) {
      sites.errors = std::move(parsed.errors);
      all.push_back(std::move(sites));
      continue;
    }
    Collector collector(parsed.ast->getASTContext(), sites);
    collector.TraverseDecl(parsed.ast->getASTContext().getTranslationUnitDecl());
    collector.Finish();
    if (cache != nullptr) {
      cache->Store(agent, path, AgentFilesRead(*parsed.ast, agent, path), hash_of, sites);
    }
    all.push_back(std::move(sites));
  }
  return all;
}

}  // namespace clade::mutation::gi
