#include "templates.h"

#include <algorithm>
#include <cctype>
#include <map>

namespace {

using Alternatives = std::map<std::string, std::vector<std::string>>;

// Every operator token of the line found in `table`, replaced by each of its alternatives,
// unless `skip(i)` (the token's index) says it is not that operator here.
template <typename Skip>
void replace_operators(const RepairSite& s, Edits& e, const Alternatives& table, Skip skip) {
  const std::vector<Token>& t = s.tokens;
  std::set<size_t> brackets = template_brackets(t);
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Kind::Op || brackets.count(i) || skip(i)) continue;
    if (auto it = table.find(t[i].text); it != table.end())
      for (const auto& with : it->second) e.replace(t[i].begin, t[i].end, with);
  }
}

bool all_digits(const std::string& s) {
  return s.size() <= 18 && std::all_of(s.begin(), s.end(), [](char c) {
           return std::isdigit((unsigned char)c);
         });
}

// The index of the ')' that closes the '(' at index `open`, or 0 when not on this line;
// `commas` gets the top-level commas between them.
size_t closing_paren(const std::vector<Token>& t, size_t open, std::vector<size_t>& commas) {
  int depth = 0;
  for (size_t j = open; j < t.size(); ++j) {
    const std::string& x = t[j].text;
    if (x == "(" || x == "[" || x == "{") ++depth;
    if (x == ")" || x == "]" || x == "}") {
      if (--depth == 0) return x == ")" ? j : 0;
    }
    if (x == "," && depth == 1) commas.push_back(j);
  }
  return 0;
}

// An identifier that names a variable here: not a keyword or type, not called, not a
// member or a qualified name.
bool variable_use(const std::vector<Token>& t, size_t i) {
  if (t[i].kind != Kind::Ident || is_keyword(t[i].text)) return false;
  if (i + 1 < t.size() && (t[i + 1].text == "(" || t[i + 1].text == "::" ||
                           t[i + 1].text == "<"))
    return false;
  if (i > 0 && (t[i - 1].text == "." || t[i - 1].text == "->" || t[i - 1].text == "::"))
    return false;
  return true;
}

// `text` with the leading and trailing blanks of `shape`.
std::string with_blanks_of(const std::string& shape, const std::string& text) {
  size_t b = shape.find_first_not_of(" \t");
  size_t e = shape.find_last_not_of(" \t");
  return shape.substr(0, b) + text + shape.substr(e + 1);
}

}  // namespace

void Edits::replace(size_t b, size_t e, const std::string& with) {
  const std::string& line = site_.line;
  rewrite(line.substr(0, b) + with + line.substr(e), int(std::max(e - b, with.size())), 1.0,
          nullptr, b);
}

void Edits::rewrite(const std::string& text, int cost, double factor, const char* op,
                    size_t column) {
  out_.push_back({site_.where.file, site_.where.line, text, op ? op : op_,
                  site_.where.susp * weight_ * factor, cost, column});
}

void relational_operator(const RepairSite& s, Edits& e) {
  static const Alternatives table = {
      {"<", {"<=", ">", ">=", "!=", "=="}},  {"<=", {"<", ">=", ">", "==", "!="}},
      {">", {">=", "<", "<=", "!=", "=="}},  {">=", {">", "<=", "<", "==", "!="}},
      {"==", {"!=", "<=", ">=", "<", ">"}}, {"!=", {"==", "<", ">", "<=", ">="}}};
  replace_operators(s, e, table, [](size_t) { return false; });
}

void arithmetic_operator(const RepairSite& s, Edits& e) {
  static const Alternatives table = {
      {"+", {"-"}},   {"-", {"+"}},   {"*", {"/"}},   {"/", {"%", "*"}}, {"%", {"/"}},
      {"+=", {"-="}}, {"-=", {"+="}}, {"*=", {"/="}}, {"/=", {"%=", "*="}},
      {"++", {"--"}}, {"--", {"++"}}};
  const std::vector<Token>& t = s.tokens;
  // '*' right after an operator or '(' is a pointer or a dereference.
  replace_operators(s, e, table, [&t](size_t i) {
    bool unary = i == 0 || (t[i - 1].kind == Kind::Op && t[i - 1].text != ")" &&
                            t[i - 1].text != "]");
    return unary && t[i].text == "*";
  });
}

void logical_operator(const RepairSite& s, Edits& e) {
  static const Alternatives table = {
      {"&&", {"||"}}, {"||", {"&&"}}, {"&", {"|"}}, {"|", {"&"}}, {"^", {"|", "&"}}};
  const std::vector<Token>& t = s.tokens;
  // '&' after an operator or a type, or before "name," "name)" "name=" "name:", is a
  // reference or an address.
  replace_operators(s, e, table, [&t](size_t i) {
    return t[i].text == "&" &&
           (i == 0 || t[i - 1].kind == Kind::Op || is_type_word(t[i - 1].text) ||
            (i + 2 < t.size() && t[i + 1].kind == Kind::Ident &&
             (t[i + 2].text == "," || t[i + 2].text == ")" || t[i + 2].text == "=" ||
              t[i + 2].text == ":")));
  });
}

void negate_condition(const RepairSite& s, Edits& e) {
  const std::vector<Token>& t = s.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind == Kind::Op && t[i].text == "!") e.replace(t[i].begin, t[i].end, "");
    if (t[i].kind != Kind::Ident || (t[i].text != "if" && t[i].text != "while") ||
        i + 1 >= t.size() || t[i + 1].text != "(")
      continue;
    std::vector<size_t> commas;
    if (size_t close = closing_paren(t, i + 1, commas)) {
      size_t b = t[i + 1].end, end = t[close].begin;
      e.replace(b, end, "!(" + s.line.substr(b, end - b) + ")");
    }
  }
}

void constant_step(const RepairSite& s, Edits& e) {
  for (const Token& k : s.tokens) {
    if (k.kind == Kind::Ident && (k.text == "true" || k.text == "false"))
      e.replace(k.begin, k.end, k.text == "true" ? "false" : "true");
    if (k.kind != Kind::Number || !all_digits(k.text)) continue;
    long long n = std::stoll(k.text);
    e.replace(k.begin, k.end, std::to_string(n + 1));
    if (n > 0) e.replace(k.begin, k.end, std::to_string(n - 1));
  }
}

void constant_set(const RepairSite& s, Edits& e) {
  for (const Token& k : s.tokens) {
    if (k.kind != Kind::Number || !all_digits(k.text)) continue;
    long long n = std::stoll(k.text);
    for (long long v : {0LL, 1LL})
      if (v != n && v != n + 1 && v != n - 1) e.replace(k.begin, k.end, std::to_string(v));
  }
}

void delete_statement(const RepairSite& s, Edits& e) {
  if (simple_statement(s.line, s.tokens)) e.rewrite("", int(trim(s.line).size()));
}

// A nearby simple statement copied after this line (inside the block when the line opens
// one) or before it; the nearer, the earlier.
void copy_statement(const RepairSite& s, Edits& e) {
  const std::string& line = s.line;
  bool opens_block = !line.empty() && trim(line).back() == '{';
  std::string ind = indent_of(line) + (opens_block ? "  " : "");
  int at = s.where.line;
  for (int d = 1; d <= s.window; ++d) {
    for (int src : {at - d, at + d}) {
      if (src < 1 || src > int(s.lines.size())) continue;
      const std::string& other = s.lines[src - 1];
      if (!simple_statement(other, s.line_tokens[src - 1]) || trim(other) == trim(line))
        continue;
      int cost = int(trim(other).size());
      double factor = 1.0 - 0.03 * d;
      e.rewrite(line + "\n" + ind + trim(other), cost, factor, "copy-after");
      if (trim(line)[0] != '}' && trim(line).rfind("else", 0) != 0)
        e.rewrite(indent_of(line) + trim(other) + "\n" + line, cost, factor * 0.9,
                  "copy-before");
    }
  }
}

// Two neighbouring arguments of a call on this line exchanged: iso(y, d, m) gives
// iso(d, y, m) and iso(y, m, d).
void swap_arguments(const RepairSite& s, Edits& e) {
  const std::vector<Token>& t = s.tokens;
  for (size_t i = 1; i < t.size(); ++i) {
    // A call or a construction (std::string(n, c)), not if (...) or sizeof (...).
    const std::string& callee = t[i - 1].text;
    if (t[i].text != "(" || t[i - 1].kind != Kind::Ident ||
        (is_keyword(callee) && !is_type_word(callee)))
      continue;
    std::vector<size_t> commas;
    size_t close = closing_paren(t, i, commas);
    if (!close || commas.empty()) continue;
    std::vector<size_t> bounds = {i};
    bounds.insert(bounds.end(), commas.begin(), commas.end());
    bounds.push_back(close);
    for (size_t a = 0; a + 2 < bounds.size(); ++a) {
      size_t b1 = t[bounds[a]].end, e1 = t[bounds[a + 1]].begin;
      size_t b2 = t[bounds[a + 1]].end, e2 = t[bounds[a + 2]].begin;
      std::string first = s.line.substr(b1, e1 - b1), second = s.line.substr(b2, e2 - b2);
      if (trim(first).empty() || trim(second).empty() || trim(first) == trim(second)) continue;
      e.replace(b1, e2, with_blanks_of(first, trim(second)) + "," +
                            with_blanks_of(second, trim(first)));
    }
  }
}

// A variable on this line replaced by another variable named on a nearby line (within
// the window), the nearest names first: a wrong-variable bug (m1 for m2, a for b).
void replace_identifier(const RepairSite& s, Edits& e) {
  std::vector<std::string> names;
  int at = s.where.line;
  for (int d = 0; d <= s.window; ++d) {
    for (int src : {at - d, at + d}) {
      if (src < 1 || src > int(s.lines.size()) || (d == 0 && src != at)) continue;
      const std::vector<Token>& t = s.line_tokens[src - 1];
      for (size_t i = 0; i < t.size(); ++i)
        if (variable_use(t, i) && std::find(names.begin(), names.end(), t[i].text) == names.end())
          names.push_back(t[i].text);
      if (d == 0) break;
    }
  }
  const std::vector<Token>& t = s.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    if (!variable_use(t, i)) continue;
    // Not the name a declaration introduces ("int n = ..."): renaming it breaks its uses.
    if (i > 0 && t[i - 1].kind == Kind::Ident && is_type_word(t[i - 1].text)) continue;
    for (const std::string& name : names)
      if (name != t[i].text) e.replace(t[i].begin, t[i].end, name);
  }
}

// An `int` widened to `long long` (a declaration, a cast, a loop variable): an overflow.
void widen_integer(const RepairSite& s, Edits& e) {
  const std::vector<Token>& t = s.tokens;
  for (size_t i = 0; i < t.size(); ++i) {
    if (t[i].kind != Kind::Ident || t[i].text != "int") continue;
    if (i > 0 && (t[i - 1].text == "long" || t[i - 1].text == "short" ||
                  t[i - 1].text == "unsigned" || t[i - 1].text == "signed"))
      continue;
    e.replace(t[i].begin, t[i].end, "long long");
  }
}
