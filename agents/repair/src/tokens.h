// The repair agent's view of source text: one line at a time, as tokens (no parsing
// beyond matching brackets on one line), and the line shapes the repair templates ask
// about (templates.h).
#pragma once
#include <cstddef>
#include <set>
#include <string>
#include <vector>

enum class Kind { Ident, Number, String, Op };

struct Token {
  Kind kind;
  size_t begin, end;  // byte range in the line
  std::string text;
};

// Tokenizes one line; stops at a // comment. `in_block` carries /* */ state across lines.
std::vector<Token> tokenize(const std::string& s, bool& in_block);

// Whether `w` names a type or is a declaration keyword (int, auto, const, std, ...).
bool is_type_word(const std::string& w);

// Whether `w` is a C++ keyword or literal word (if, return, true, sizeof, ...) or a type word.
bool is_keyword(const std::string& w);

// The indices of the '<' and '>' tokens of `t` that delimit template argument lists
// ("name<ident/::/,/*/&/numbers...>"), which are not operators.
std::set<size_t> template_brackets(const std::vector<Token>& t);

// The leading blanks of `s`.
std::string indent_of(const std::string& s);

// `s` without leading and trailing blanks.
std::string trim(const std::string& s);

// A single-line statement that can be deleted or copied: ends with ';', is not a
// declaration, and is not a whole block.
bool simple_statement(const std::string& line, const std::vector<Token>& t);
