// What a compiler sees of an agent's source, as a hash: two source trees that differ only
// in whitespace, comments or line breaks (outside string literals) hash alike. The search
// uses it to reject a child equivalent to a variant it already has (docs/search.md,
// "Duplicates") before spending an evaluation on it.
//
// Thread safety: functions of their arguments.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "support/error.h"

namespace clade::mutation {

// The tokens of C or C++ source `text` (Clang's raw lexer: no preprocessing, comments and
// whitespace dropped, each token's spelling as written), with a "\n" token where a
// preprocessor directive ends, since there a line break has meaning. Raw lexing never
// fails: stray characters become tokens of their own.
std::vector<std::string> SourceTokens(std::string_view text);

// True for the file names whose content is C or C++ source: .c .cc .cpp .cxx .c++ .h .hh
// .hpp .hxx .inl .ipp.
bool IsCppSourceName(const std::filesystem::path& path);

// The hash of the regular files under `dir` (symlinks and other files skipped), in path
// order: each file's relative path, then its tokens (IsCppSourceName) or its bytes (any
// other file, so a changed config or script still counts). Errors: a file cannot be read.
Result<std::string> TokenTreeHash(const std::filesystem::path& dir);

}  // namespace clade::mutation
