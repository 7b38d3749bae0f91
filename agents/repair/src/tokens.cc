#include "tokens.h"

#include <algorithm>
#include <cctype>

namespace {

const char* const kOps[] = {"<<=", ">>=", "&&", "||", "<=", ">=", "==", "!=", "<<", ">>",
                            "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "++", "--",
                            "->",  "::"};

// A '<' that opens a template argument list: the index of its matching '>', or 0.
size_t template_close(const std::vector<Token>& t, size_t i) {
  if (i == 0 || t[i].text != "<" || t[i - 1].kind != Kind::Ident) return 0;
  int depth = 1;
  for (size_t j = i + 1; j < t.size(); ++j) {
    const std::string& x = t[j].text;
    if (x == "<") ++depth;
    else if (x == ">" && --depth == 0) return j;
    else if (x == ">>" && (depth -= 2) <= 0) return j;
    else if (t[j].kind == Kind::Ident || t[j].kind == Kind::Number || x == "::" ||
             x == "," || x == "*" || x == "&")
      continue;
    else
      return 0;
  }
  return 0;
}

}  // namespace

std::vector<Token> tokenize(const std::string& s, bool& in_block) {
  std::vector<Token> out;
  size_t i = 0;
  while (i < s.size()) {
    if (in_block) {
      size_t e = s.find("*/", i);
      if (e == std::string::npos) return out;
      in_block = false;
      i = e + 2;
      continue;
    }
    char c = s[i];
    if (std::isspace((unsigned char)c)) { ++i; continue; }
    if (s.compare(i, 2, "//") == 0) break;
    if (s.compare(i, 2, "/*") == 0) { in_block = true; i += 2; continue; }
    size_t b = i;
    if (std::isalpha((unsigned char)c) || c == '_') {
      while (i < s.size() && (std::isalnum((unsigned char)s[i]) || s[i] == '_')) ++i;
      out.push_back({Kind::Ident, b, i, s.substr(b, i - b)});
    } else if (std::isdigit((unsigned char)c)) {
      while (i < s.size() && (std::isalnum((unsigned char)s[i]) || s[i] == '.' ||
                              s[i] == '\''))
        ++i;
      out.push_back({Kind::Number, b, i, s.substr(b, i - b)});
    } else if (c == '"' || c == '\'') {
      ++i;
      while (i < s.size() && s[i] != c) i += s[i] == '\\' ? 2 : 1;
      i = std::min(i + 1, s.size());
      out.push_back({Kind::String, b, i, s.substr(b, i - b)});
    } else {
      size_t len = 1;
      for (const char* op : kOps) {
        size_t n = std::char_traits<char>::length(op);
        if (s.compare(i, n, op) == 0) { len = n; break; }
      }
      i += len;
      out.push_back({Kind::Op, b, i, s.substr(b, len)});
    }
  }
  return out;
}

bool is_type_word(const std::string& w) {
  static const std::set<std::string> k = {
      "int", "long", "short", "unsigned", "signed", "char", "bool", "double", "float",
      "auto", "const", "static", "void", "size_t", "std", "string", "vector", "map",
      "using", "typedef", "struct", "class", "enum", "template", "typename", "namespace"};
  return k.count(w) > 0;
}

bool is_keyword(const std::string& w) {
  static const std::set<std::string> k = {
      "if", "else", "for", "while", "do", "switch", "case", "default", "break", "continue",
      "return", "true", "false", "nullptr", "sizeof", "new", "delete", "this", "goto",
      "static_cast", "const_cast", "reinterpret_cast", "dynamic_cast", "operator", "try",
      "catch", "throw", "constexpr", "inline", "public", "private", "protected", "virtual",
      "override", "noexcept", "decltype", "mutable", "explicit", "friend", "volatile"};
  return k.count(w) > 0 || is_type_word(w);
}

std::set<size_t> template_brackets(const std::vector<Token>& t) {
  std::set<size_t> out;
  for (size_t i = 0; i < t.size(); ++i)
    if (size_t j = template_close(t, i)) {
      out.insert(i);
      out.insert(j);
    }
  return out;
}

std::string indent_of(const std::string& s) {
  return s.substr(0, s.find_first_not_of(" \t") == std::string::npos
                         ? 0 : s.find_first_not_of(" \t"));
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r");
  return s.substr(b, e - b + 1);
}

bool simple_statement(const std::string& line, const std::vector<Token>& t) {
  std::string s = trim(line);
  if (s.empty() || s.back() != ';' || s[0] == '#' || t.empty()) return false;
  if (t[0].kind == Kind::Ident && is_type_word(t[0].text)) return false;
  if (t.size() >= 2 && t[0].kind == Kind::Ident && t[1].kind == Kind::Ident) return false;
  if (t[0].text == "for" || t[0].text == "}" || t[0].text == "{") return false;
  return true;
}
