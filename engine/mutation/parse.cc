#include "engine/mutation/parse.h"

#include <map>
#include <mutex>

#include <clang/Basic/Diagnostic.h>
#include <clang/Basic/DiagnosticOptions.h>
#include <clang/Basic/SourceManager.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Frontend/CompilerInstance.h>
#include <clang/Frontend/CompilerInvocation.h>
#include <clang/Frontend/FrontendActions.h>
#include <clang/Frontend/PrecompiledPreamble.h>
#include <clang/Frontend/Utils.h>
#include <clang/Lex/PreprocessorOptions.h>
#include <clang/Tooling/Tooling.h>
#include <fmt/format.h>
#include <llvm/Support/MemoryBuffer.h>
#include <llvm/Support/VirtualFileSystem.h>

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

struct PreambleCache::Impl {
  struct Entry {
    std::shared_ptr<const clang::PrecompiledPreamble> preamble;
    uint64_t used = 0;
  };
  size_t capacity = 0;
  std::mutex mutex;
  std::map<std::string, Entry> entries;
  uint64_t clock = 0;
  Stats stats;

  std::shared_ptr<const clang::PrecompiledPreamble> Find(const std::string& key) {
    std::lock_guard lock(mutex);
    auto found = entries.find(key);
    if (found == entries.end()) return nullptr;
    found->second.used = ++clock;
    return found->second.preamble;
  }

  void Store(const std::string& key, std::shared_ptr<const clang::PrecompiledPreamble> preamble) {
    std::lock_guard lock(mutex);
    entries[key] = {std::move(preamble), ++clock};
    while (entries.size() > capacity) {
      auto oldest = std::min_element(
          entries.begin(), entries.end(),
          [](const auto& a, const auto& b) { return a.second.used < b.second.used; });
      entries.erase(oldest);
    }
  }

  void Count(size_t Stats::*counter) {
    std::lock_guard lock(mutex);
    ++(stats.*counter);
  }
};

PreambleCache::PreambleCache(size_t capacity) : impl_(std::make_unique<Impl>()) {
  impl_->capacity = std::max<size_t>(1, capacity);
}

PreambleCache::~PreambleCache() = default;

PreambleCache::Stats PreambleCache::stats() const {
  std::lock_guard lock(impl_->mutex);
  return impl_->stats;
}

namespace {

// The driver's command line of a syntax-only parse of `path` (`file` is its absolute path).
std::vector<std::string> CommandLine(const AgentSource& agent, const std::string& path,
                                     const std::string& file) {
  std::vector<std::string> args = {"clang"};
  for (std::string& argument : agent.ParseArguments(path)) args.push_back(std::move(argument));
  args.push_back("-fsyntax-only");
  args.push_back(file);
  return args;
}

// A preamble is kept for one command line: the file's absolute path and its arguments.
std::string CacheKey(const std::vector<std::string>& args) {
  std::string key;
  for (const std::string& argument : args) key += argument + '\n';
  return key;
}

// The real file system under the overlay's files (all but `path`, the parse's main buffer).
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> OverlayFileSystem(const AgentSource& agent,
                                                                  const std::string& path,
                                                                  const FileOverlay& overlay) {
  auto memory = llvm::makeIntrusiveRefCnt<llvm::vfs::InMemoryFileSystem>();
  for (const auto& [name, text] : overlay) {
    if (name != path) {
      memory->addFile(agent.Absolute(name).string(), 0, llvm::MemoryBuffer::getMemBufferCopy(text));
    }
  }
  auto overlaid =
      llvm::makeIntrusiveRefCnt<llvm::vfs::OverlayFileSystem>(llvm::vfs::getRealFileSystem());
  overlaid->pushOverlay(memory);
  return overlaid;
}

// The compiler invocation of `args`, its driver's diagnostics going to `errors`; null when
// it cannot be made or the driver reports an error.
std::shared_ptr<clang::CompilerInvocation> MakeInvocation(
    const std::vector<std::string>& args, llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> vfs,
    ErrorCollector& errors) {
  std::vector<const char*> argv;
  for (const std::string& argument : args) argv.push_back(argument.c_str());
  llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> diagnostics =
      clang::CompilerInstance::createDiagnostics(new clang::DiagnosticOptions, &errors,
                                                 /*ShouldOwnClient=*/false);
  std::shared_ptr<clang::CompilerInvocation> invocation =
      clang::createInvocationFromCommandLine(argv, diagnostics, vfs);
  if (!invocation || !errors.Take().empty()) return nullptr;
  // The driver's -disable-free would leak every AST (and the preamble build's); no
  // "N errors generated." on stderr.
  invocation->getFrontendOpts().DisableFree = false;
  invocation->getDiagnosticOpts().ShowCarets = false;
  return invocation;
}

// The preamble of `buffer`, built in memory; null when the build fails or reports an error.
std::shared_ptr<const clang::PrecompiledPreamble> BuildPreamble(
    const AgentSource& agent, const clang::CompilerInvocation& invocation,
    const llvm::MemoryBuffer& buffer, clang::PreambleBounds bounds,
    llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> vfs,
    std::shared_ptr<clang::PCHContainerOperations> pch) {
  ErrorCollector errors(agent);
  llvm::IntrusiveRefCntPtr<clang::DiagnosticsEngine> diagnostics =
      clang::CompilerInstance::createDiagnostics(new clang::DiagnosticOptions, &errors,
                                                 /*ShouldOwnClient=*/false);
  clang::PreambleCallbacks callbacks;
  llvm::ErrorOr<clang::PrecompiledPreamble> built =
      clang::PrecompiledPreamble::Build(invocation, &buffer, bounds, *diagnostics, vfs, pch,
                                        /*StoreInMemory=*/true, callbacks);
  if (!built || !errors.Take().empty()) return nullptr;
  return std::make_shared<const clang::PrecompiledPreamble>(std::move(*built));
}

// Runs the syntax-only parse of `invocation`; returns the errors it gave `errors`.
std::vector<Diagnostic> ParseSyntaxOnly(std::shared_ptr<clang::CompilerInvocation> invocation,
                                        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> vfs,
                                        std::shared_ptr<clang::PCHContainerOperations> pch,
                                        ErrorCollector& errors) {
  clang::CompilerInstance compiler(std::move(pch));
  compiler.setInvocation(std::move(invocation));
  compiler.createDiagnostics(&errors, /*ShouldOwnClient=*/false);
  compiler.createFileManager(std::move(vfs));
  clang::SyntaxOnlyAction action;
  compiler.ExecuteAction(action);
  return errors.Take();
}

// A syntax-only parse of `path` with a precompiled preamble from `cache`; nullopt when none
// can be used (the compiler invocation cannot be made, or the preamble has errors), and the
// caller parses plainly.
std::optional<std::vector<Diagnostic>> CheckWithPreamble(const AgentSource& agent,
                                                         const std::string& path,
                                                         const std::string& code,
                                                         const FileOverlay& overlay,
                                                         PreambleCache::Impl& cache) {
  const std::string file = agent.Absolute(path).string();
  const std::vector<std::string> args = CommandLine(agent, path, file);
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> vfs = OverlayFileSystem(agent, path, overlay);
  ErrorCollector errors(agent);  // the driver's, then the parse's
  std::shared_ptr<clang::CompilerInvocation> invocation = MakeInvocation(args, vfs, errors);
  if (!invocation) return std::nullopt;
  std::unique_ptr<llvm::MemoryBuffer> buffer = llvm::MemoryBuffer::getMemBufferCopy(code, file);
  const clang::PreambleBounds bounds =
      clang::ComputePreambleBounds(*invocation->getLangOpts(), buffer->getMemBufferRef(), 0);
  auto pch = std::make_shared<clang::PCHContainerOperations>();

  const std::string key = CacheKey(args);
  std::shared_ptr<const clang::PrecompiledPreamble> preamble = cache.Find(key);
  if (preamble && preamble->CanReuse(*invocation, buffer->getMemBufferRef(), bounds, *vfs)) {
    cache.Count(&PreambleCache::Stats::reused);
  } else {
    preamble = BuildPreamble(agent, *invocation, *buffer, bounds, vfs, pch);
    if (!preamble) {
      cache.Count(&PreambleCache::Stats::plain);
      return std::nullopt;
    }
    cache.Store(key, preamble);
    cache.Count(&PreambleCache::Stats::built);
  }
  // This points `vfs` at an overlay holding the in-memory PCH, which `preamble` owns: the
  // parse reads through that `vfs`, and `preamble` and `buffer` outlive it.
  preamble->AddImplicitPreamble(*invocation, vfs, buffer.get());
  invocation->getPreprocessorOpts().RetainRemappedFileBuffers = true;  // `buffer` owns it
  return ParseSyntaxOnly(std::move(invocation), vfs, pch, errors);
}

}  // namespace

Result<std::vector<Diagnostic>> CheckSyntax(const AgentSource& agent, std::string_view path,
                                            const FileOverlay& overlay, PreambleCache* preambles) {
  if (preambles != nullptr) {
    std::string code = CLADE_TRY(agent.Read(path, overlay).map_error([&](Error e) {
      return std::move(e).Context(fmt::format("parsing {}", path));
    }));
    if (std::optional<std::vector<Diagnostic>> errors =
            CheckWithPreamble(agent, std::string(path), code, overlay, *preambles->impl_)) {
      return std::move(*errors);
    }
  }
  ParsedFile parsed = CLADE_TRY(ParseFile(agent, path, overlay));
  return std::move(parsed.errors);
}

}  // namespace clade::mutation
