#include "engine/mutation/token_hash.h"

#include <algorithm>
#include <set>

#include <clang/Basic/LangOptions.h>
#include <clang/Lex/Lexer.h>

#include "support/fs.h"
#include "support/hash.h"

namespace clade::mutation {

namespace fs = std::filesystem;

std::vector<std::string> SourceTokens(std::string_view text) {
  clang::LangOptions options;
  options.CPlusPlus = true;
  options.CPlusPlus20 = true;
  options.LineComment = true;
  std::string buffer(text);  // the lexer needs a NUL after the last character
  const char* begin = buffer.c_str();
  clang::Lexer lexer(clang::SourceLocation(), options, begin, begin, begin + buffer.size());
  lexer.SetCommentRetentionState(false);
  std::vector<std::string> tokens;
  clang::Token token;
  bool in_directive = false;  // a preprocessor directive ends at its line's end
  while (true) {
    bool last = lexer.LexFromRawLexer(token);
    if (token.is(clang::tok::eof)) break;
    if (token.isAtStartOfLine()) {
      if (in_directive) tokens.emplace_back("\n");
      in_directive = token.is(clang::tok::hash);
    }
    const char* end = lexer.getBufferLocation();
    tokens.emplace_back(end - token.getLength(), token.getLength());
    if (last) break;
  }
  if (in_directive) tokens.emplace_back("\n");
  return tokens;
}

bool IsCppSourceName(const fs::path& path) {
  static const std::set<std::string> kExtensions = {".c",   ".cc",  ".cpp", ".cxx", ".c++", ".h",
                                                    ".hh",  ".hpp", ".hxx", ".inl", ".ipp"};
  return kExtensions.count(path.extension().string()) > 0;
}

Result<std::string> TokenTreeHash(const fs::path& dir) {
  std::vector<fs::path> files;
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(dir, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    if (it->is_regular_file(error) && !it->is_symlink(error)) files.push_back(it->path());
  }
  if (error) return Fail("cannot read {}: {}", dir.string(), error.message());
  std::sort(files.begin(), files.end());
  ContentHash hash;
  for (const fs::path& file : files) {
    std::string text = CLADE_TRY(ReadFile(file));
    hash.Add(fs::relative(file, dir).generic_string());
    if (!IsCppSourceName(file)) {
      hash.Add("bytes").Add(text);
      continue;
    }
    std::vector<std::string> tokens = SourceTokens(text);
    hash.Add(std::to_string(tokens.size()));
    for (const std::string& token : tokens) hash.Add(token);
  }
  return hash.Hex();
}

}  // namespace clade::mutation
