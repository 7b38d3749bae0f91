#include "mutate.h"

#include <algorithm>
#include <cctype>
#include <set>

namespace {

enum class Kind { Ident, Number, String, Op };

struct Token {
  Kind kind;
  size_t begin, end;
  std::string text;
};

const char* const kOps[] = {"<<=", ">>=", "&&", "||", "<=", ">=", "==", "!=", "<<", ">>",
                            "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "++", "--",
                            "->",  "::"};

// Tokenizes one line; stops at a // comment. `in_block` carries /* */ state across lines.
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

// A '<' that opens a template argument list: "name<ident/::/,/*/&/numbers...>".
// Returns the index of the matching '>' or 0 when it is not one.
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

struct Builder {
  const std::string& line;
  const RankedLine& where;
  const OperatorWeights& w;
  std::vector<Candidate>& out;

  void replace(size_t b, size_t e, const std::string& with, const char* op, double w) {
    Candidate c;
    c.file = where.file;
    c.line = where.line;
    c.text = line.substr(0, b) + with + line.substr(e);
    c.op = op;
    c.priority = where.susp * w;
    c.cost = int(std::max(e - b, with.size()));
    out.push_back(std::move(c));
  }
};

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

// A single-line statement that can be deleted or copied: ends with ';', is not a
// declaration, and is not a whole block.
bool simple_statement(const std::string& line, const std::vector<Token>& t) {
  std::string s = trim(line);
  if (s.empty() || s.back() != ';' || s[0] == '#' || t.empty()) return false;
  if (t[0].kind == Kind::Ident && is_type_word(t[0].text)) return false;
  if (t.size() >= 2 && t[0].kind == Kind::Ident && t[1].kind == Kind::Ident) return false;
  if (t[0].text == "for" || t[0].text == "}" || t[0].text == "{") return false;
  return true;
}

void mutate_tokens(const std::string& line, const std::vector<Token>& t, Builder& b) {
  static const std::map<std::string, std::vector<std::string>> relational = {
      {"<", {"<=", ">", ">=", "!=", "=="}},  {"<=", {"<", ">=", ">", "==", "!="}},
      {">", {">=", "<", "<=", "!=", "=="}},  {">=", {">", "<=", "<", "==", "!="}},
      {"==", {"!=", "<=", ">=", "<", ">"}}, {"!=", {"==", "<", ">", "<=", ">="}}};
  static const std::map<std::string, std::vector<std::string>> arithmetic = {
      {"+", {"-"}},   {"-", {"+"}},   {"*", {"/"}},   {"/", {"%", "*"}}, {"%", {"/"}},
      {"+=", {"-="}}, {"-=", {"+="}}, {"*=", {"/="}}, {"/=", {"%=", "*="}},
      {"++", {"--"}}, {"--", {"++"}}};
  static const std::map<std::string, std::vector<std::string>> logical = {
      {"&&", {"||"}}, {"||", {"&&"}}, {"&", {"|"}}, {"|", {"&"}}, {"^", {"|", "&"}}};

  std::set<size_t> template_brackets;
  for (size_t i = 0; i < t.size(); ++i)
    if (size_t j = template_close(t, i)) {
      template_brackets.insert(i);
      template_brackets.insert(j);
    }
  for (size_t i = 0; i < t.size(); ++i) {
    const Token& k = t[i];
    if (k.kind == Kind::Op && !template_brackets.count(i)) {
      if (auto it = relational.find(k.text); it != relational.end())
        for (const auto& r : it->second) b.replace(k.begin, k.end, r, "relational", b.w.relational);
      if (auto it = arithmetic.find(k.text); it != arithmetic.end()) {
        // '*' or '&' right after a type or '(' is a pointer/reference or unary operator.
        bool unary = i == 0 || (t[i - 1].kind == Kind::Op && t[i - 1].text != ")" &&
                                t[i - 1].text != "]");
        if (!(unary && k.text == "*"))
          for (const auto& r : it->second) b.replace(k.begin, k.end, r, "arithmetic", b.w.arithmetic);
      }
      if (auto it = logical.find(k.text); it != logical.end()) {
        bool reference = k.text == "&" &&
                         (i == 0 || t[i - 1].kind == Kind::Op || is_type_word(t[i - 1].text) ||
                          (i + 2 < t.size() && t[i + 1].kind == Kind::Ident &&
                           (t[i + 2].text == "," || t[i + 2].text == ")" ||
                            t[i + 2].text == "=" || t[i + 2].text == ":")));
        if (!reference)
          for (const auto& r : it->second) b.replace(k.begin, k.end, r, "logical", b.w.logical);
      }
      if (k.text == "!") b.replace(k.begin, k.end, "", "negate", b.w.negate);
    } else if (k.kind == Kind::Number) {
      bool all_digits = std::all_of(k.text.begin(), k.text.end(),
                                    [](char c) { return std::isdigit((unsigned char)c); });
      if (!all_digits || k.text.size() > 18) continue;
      long long n = std::stoll(k.text);
      std::vector<std::pair<long long, double>> values = {
          {n + 1, b.w.constant_step}, {n - 1, b.w.constant_step},
          {0, b.w.constant_set}, {1, b.w.constant_set}};
      std::set<long long> seen = {n};
      for (auto [v, w] : values)
        if (v >= 0 && seen.insert(v).second)
          b.replace(k.begin, k.end, std::to_string(v), "constant", w);
    } else if (k.kind == Kind::Ident) {
      if (k.text == "true") b.replace(k.begin, k.end, "false", "constant", b.w.constant_step);
      if (k.text == "false") b.replace(k.begin, k.end, "true", "constant", b.w.constant_step);
      if ((k.text == "if" || k.text == "while") && i + 1 < t.size() && t[i + 1].text == "(") {
        int depth = 0;
        for (size_t j = i + 1; j < t.size(); ++j) {
          if (t[j].text == "(") ++depth;
          if (t[j].text == ")" && --depth == 0) {
            std::string cond = line.substr(t[i + 1].end, t[j].begin - t[i + 1].end);
            b.replace(t[i + 1].end, t[j].begin, "!(" + cond + ")", "negate", b.w.negate);
            break;
          }
        }
      }
    }
  }
}

}  // namespace

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t b = 0;
  while (b < text.size()) {
    size_t e = text.find('\n', b);
    if (e == std::string::npos) e = text.size();
    lines.push_back(text.substr(b, e - b));
    b = e + 1;
  }
  return lines;
}

std::string apply_candidate(const std::string& original, const Candidate& c) {
  std::vector<std::string> lines = split_lines(original);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (int(i) + 1 == c.line) {
      if (c.text.empty()) continue;  // deleted line
      out += c.text;
    } else {
      out += lines[i];
    }
    out += '\n';
  }
  if (!original.empty() && original.back() != '\n' && !out.empty()) out.pop_back();
  return out;
}

std::vector<Candidate> generate_candidates(const std::map<std::string, std::string>& files,
                                           const std::vector<RankedLine>& ranked,
                                           const MutateOptions& opt) {
  // Tokens of every line of every file (block-comment state carried along).
  std::map<std::string, std::vector<std::string>> lines;
  std::map<std::string, std::vector<std::vector<Token>>> tokens;
  for (const auto& [name, text] : files) {
    lines[name] = split_lines(text);
    bool in_block = false;
    for (const auto& l : lines[name]) tokens[name].push_back(tokenize(l, in_block));
  }

  std::vector<Candidate> out;
  int taken = 0;
  for (const RankedLine& r : ranked) {
    if (taken >= opt.top_lines) break;
    auto lf = lines.find(r.file);
    if (lf == lines.end() || r.line < 1 || r.line > int(lf->second.size())) continue;
    const std::string& line = lf->second[r.line - 1];
    const auto& toks = tokens[r.file][r.line - 1];
    if (toks.empty() || trim(line)[0] == '#') continue;
    ++taken;
    Builder b{line, r, opt.weights, out};
    mutate_tokens(line, toks, b);
    if (simple_statement(line, toks)) {
      Candidate c{r.file, r.line, "", "delete", r.susp * opt.weights.delete_statement, int(trim(line).size())};
      out.push_back(c);
    }
    // Copy a nearby simple statement after this line (inside the block when the line
    // opens one) or before it.
    bool opens_block = !line.empty() && trim(line).back() == '{';
    std::string ind = indent_of(line) + (opens_block ? "  " : "");
    const auto& all = lf->second;
    for (int d = 1; d <= opt.copy_window; ++d) {
      for (int src : {r.line - d, r.line + d}) {
        if (src < 1 || src > int(all.size())) continue;
        const std::string& s = all[src - 1];
        if (!simple_statement(s, tokens[r.file][src - 1]) || trim(s) == trim(line)) continue;
        int cost = int(trim(s).size());
        double pr = r.susp * opt.weights.copy * (1.0 - 0.03 * d);
        out.push_back({r.file, r.line, line + "\n" + ind + trim(s), "copy-after", pr, cost});
        if (trim(line)[0] != '}' && trim(line).rfind("else", 0) != 0)
          out.push_back({r.file, r.line, indent_of(line) + trim(s) + "\n" + line,
                         "copy-before", pr * 0.9, cost});
      }
    }
  }

  // Best first; on equal priority keep the generation order (line rank, left to right).
  std::stable_sort(out.begin(), out.end(), [](const Candidate& a, const Candidate& b) {
    return a.priority > b.priority;
  });
  // Drop duplicates (the same line rewritten to the same text).
  std::set<std::tuple<std::string, int, std::string>> seen;
  std::vector<Candidate> unique;
  for (auto& c : out) {
    if (seen.insert({c.file, c.line, c.text}).second) unique.push_back(std::move(c));
    if (unique.size() >= opt.max_candidates) break;
  }
  return unique;
}
