#include "engine/mutation/gi_operators.h"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <string_view>
#include <utility>

#include <fmt/format.h>

namespace clade::mutation::gi {
namespace {

int LineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

std::string Where(const FileSites& file, size_t offset) {
  return fmt::format("{}:{}", file.path, LineOf(file.text, offset));
}

std::string Text(const FileSites& file, size_t begin, size_t end) {
  return file.text.substr(begin, end - begin);
}

// An edit of `file`; Applied sets its operator.
GiEdit EditOf(const FileSites& file, size_t offset, std::string old_text, std::string new_text) {
  return {
      "", file.path, offset, LineOf(file.text, offset), std::move(old_text), std::move(new_text)};
}

// `op` applied as `edits`, named by `description`.
AppliedOperator Applied(GiOperator op, std::vector<GiEdit> edits, std::string description) {
  for (GiEdit& edit : edits) edit.op = GiOperatorName(op);
  return {op, std::move(edits), std::move(description)};
}

// Whether `statement` may stand at `point`: every local it uses is visible there, its
// break/continue have a loop or switch, its return has the same type, `this` the same class.
bool Fits(const FileSites& file, const Statement& statement, const Point& point) {
  for (int v : statement.variables) {
    const Variable& var = file.variables[static_cast<size_t>(v)];
    if (var.function != point.function || point.offset < var.from || point.offset >= var.to) {
      return false;
    }
  }
  if (statement.free_break && !point.in_loop && !point.in_switch) return false;
  if (statement.free_continue && !point.in_loop) return false;
  if (statement.has_return && statement.at.return_type != point.return_type) return false;
  if (statement.uses_this &&
      (point.this_class.empty() || point.this_class != statement.at.this_class)) {
    return false;
  }
  return true;
}

bool Nested(const Statement& a, const Statement& b) {
  return a.begin < b.end && b.begin < a.end;
}

std::optional<AppliedOperator> Delete(const FileSites& file, const Statement& statement) {
  const std::string& text = file.text;
  size_t begin = statement.begin, end = statement.end;
  // A statement alone on its line takes its line with it.
  size_t line_begin = begin;
  while (line_begin > 0 && (text[line_begin - 1] == ' ' || text[line_begin - 1] == '\t')) {
    --line_begin;
  }
  size_t line_end = end;
  while (line_end < text.size() && (text[line_end] == ' ' || text[line_end] == '\t')) {
    ++line_end;
  }
  if ((line_begin == 0 || text[line_begin - 1] == '\n') && line_end < text.size() &&
      text[line_end] == '\n') {
    begin = line_begin;
    end = line_end + 1;
  }
  return Applied(GiOperator::kDeleteStatement, {EditOf(file, begin, Text(file, begin, end), "")},
                 fmt::format("delete statement in {}", Where(file, statement.begin)));
}

std::optional<AppliedOperator> Copy(const FileSites& file, const Statement& statement,
                                    Random& random) {
  std::vector<const Point*> fitting;
  for (const Point& point : file.points) {
    if (Fits(file, statement, point)) fitting.push_back(&point);
  }
  if (fitting.empty()) return std::nullopt;
  const Point& point = *fitting[random.Pick(fitting.size())];
  // Keep the indentation of the line the copy goes into.
  size_t line_begin = point.offset;
  while (line_begin > 0 &&
         (file.text[line_begin - 1] == ' ' || file.text[line_begin - 1] == '\t')) {
    --line_begin;
  }
  std::string indent = file.text.substr(line_begin, point.offset - line_begin);
  if (line_begin > 0 && file.text[line_begin - 1] != '\n') indent = " ";
  const std::string copy = Text(file, statement.begin, statement.end);
  return Applied(GiOperator::kCopyStatement,
                 {EditOf(file, point.offset, "", copy + (indent == " " ? " " : "\n" + indent))},
                 fmt::format("copy statement from {} to line {}", Where(file, statement.begin),
                             LineOf(file.text, point.offset)));
}

std::optional<AppliedOperator> Swap(const FileSites& file, size_t i, Random& random) {
  const Statement& a = file.statements[i];
  const std::string a_text = Text(file, a.begin, a.end);
  std::vector<const Statement*> partners;
  for (const Statement& b : file.statements) {
    if (&b == &a || !b.movable || b.kind != a.kind || Nested(a, b)) continue;
    if (Text(file, b.begin, b.end) == a_text) continue;
    if (Fits(file, a, b.at) && Fits(file, b, a.at)) partners.push_back(&b);
  }
  if (partners.empty()) return std::nullopt;
  const Statement& b = *partners[random.Pick(partners.size())];
  const std::string b_text = Text(file, b.begin, b.end);
  const Statement& first = a.begin < b.begin ? a : b;
  const Statement& second = a.begin < b.begin ? b : a;
  return Applied(GiOperator::kSwapStatements,
                 {EditOf(file, a.begin, a_text, b_text), EditOf(file, b.begin, b_text, a_text)},
                 fmt::format("swap statements in {} and line {}", Where(file, first.begin),
                             LineOf(file.text, second.begin)));
}

std::optional<AppliedOperator> Replace(const FileSites& file, size_t i, Random& random) {
  const Statement& source = file.statements[i];
  const std::string source_text = Text(file, source.begin, source.end);
  std::vector<const Statement*> targets;
  for (const Statement& target : file.statements) {
    if (&target == &source || target.kind != source.kind) continue;
    if (Text(file, target.begin, target.end) == source_text) continue;
    if (Fits(file, source, target.at)) targets.push_back(&target);
  }
  if (targets.empty()) return std::nullopt;
  const Statement& target = *targets[random.Pick(targets.size())];
  return Applied(GiOperator::kReplaceStatement,
                 {EditOf(file, target.begin, Text(file, target.begin, target.end), source_text)},
                 fmt::format("replace statement in {} with the one of line {}",
                             Where(file, target.begin), LineOf(file.text, source.begin)));
}

// Spaces around a new operator that could otherwise fuse with its neighbours
// ("a - -b" -> "a--b", "a* *p" -> "a/*p").
std::string Spaced(const FileSites& file, size_t begin, size_t end, const std::string& spelling) {
  static const std::string kOperatorChars = "+-*/%<>=!&|";
  const std::string& text = file.text;
  std::string out = spelling;
  if (spelling.empty()) return out;
  if (begin > 0 && kOperatorChars.find(text[begin - 1]) != std::string::npos) out = " " + out;
  if (end < text.size() && kOperatorChars.find(text[end]) != std::string::npos) out += " ";
  return out;
}

std::optional<AppliedOperator> Binary(const FileSites& file, const Operator& site, Random& random) {
  static const std::vector<std::vector<std::string>> kFamilies = {
      {"+", "-", "*", "/", "%"},
      {"<", "<=", ">", ">=", "==", "!="},
      {"&&", "||"},
      {"+=", "-=", "*=", "/=", "%="}};
  std::vector<std::string> choices;
  for (const auto& family : kFamilies) {
    if (std::find(family.begin(), family.end(), site.spelling) == family.end()) continue;
    for (const std::string& other : family) {
      if (other == site.spelling) continue;
      if (!site.integer && (other == "%" || other == "%=")) continue;
      choices.push_back(other);
    }
  }
  if (choices.empty()) return std::nullopt;
  const std::string& chosen = choices[random.Pick(choices.size())];
  const size_t end = site.offset + site.spelling.size();
  return Applied(
      GiOperator::kBinaryOperator,
      {EditOf(file, site.offset, site.spelling, Spaced(file, site.offset, end, chosen))},
      fmt::format("replace {} with {} in {}", site.spelling, chosen, Where(file, site.offset)));
}

std::optional<AppliedOperator> Unary(const FileSites& file, const Operator& site, Random& random) {
  std::vector<std::string> choices;
  if (site.spelling == "++") choices = {"--"};
  if (site.spelling == "--") choices = {"++"};
  if (site.spelling == "-") choices = {"!"};
  if (site.spelling == "!") choices = {"-", ""};
  if (choices.empty()) return std::nullopt;
  const std::string& chosen = choices[random.Pick(choices.size())];
  const size_t end = site.offset + site.spelling.size();
  std::string description =
      chosen.empty() ? fmt::format("remove {} in {}", site.spelling, Where(file, site.offset))
                     : fmt::format("replace {} with {} in {}", site.spelling, chosen,
                                   Where(file, site.offset));
  return Applied(GiOperator::kUnaryOperator,
                 {EditOf(file, site.offset, site.spelling, Spaced(file, site.offset, end, chosen))},
                 std::move(description));
}

// A literal's text split into its number and its suffix ("60u" -> "60", "u"), digit
// separators dropped; nullopt for what the constant operators leave alone (a hexadecimal
// float, whose 'f' could be a digit).
struct LiteralParts {
  std::string number;
  std::string suffix;
};

std::optional<LiteralParts> PartsOf(const std::string& text, bool floating) {
  const std::string_view suffixes = floating ? "fFlL" : "uUlLzZ";
  if (floating && text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) {
    return std::nullopt;
  }
  if (floating && text.find('\'') != std::string::npos) return std::nullopt;
  size_t number_end = text.size();
  while (number_end > 0 && suffixes.find(text[number_end - 1]) != std::string_view::npos) {
    --number_end;
  }
  LiteralParts parts{"", text.substr(number_end)};
  for (size_t i = 0; i < number_end; ++i) {
    if (text[i] != '\'') parts.number += text[i];
  }
  if (parts.number.empty()) return std::nullopt;
  return parts;
}

// An integer literal's number ("0x1F", "017", "0b11", "42"); nullopt past LLONG_MAX / 2,
// so that doubling it cannot overflow.
std::optional<long long> IntegerValue(const std::string& number) {
  std::string digits = number;
  int base = 10;
  if (digits.size() > 1 && digits[0] == '0') {
    if (digits[1] == 'x' || digits[1] == 'X') {
      base = 16, digits = digits.substr(2);
    } else if (digits[1] == 'b' || digits[1] == 'B') {
      base = 2, digits = digits.substr(2);
    } else {
      base = 8, digits = digits.substr(1);
    }
  }
  if (digits.empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const unsigned long long parsed = std::strtoull(digits.c_str(), &end, base);
  if (errno != 0 || *end != '\0' || parsed > static_cast<unsigned long long>(LLONG_MAX / 2)) {
    return std::nullopt;
  }
  return static_cast<long long>(parsed);
}

std::optional<double> FloatValue(const std::string& number) {
  char* end = nullptr;
  const double value = std::strtod(number.c_str(), &end);
  if (end == nullptr || *end != '\0' || !std::isfinite(value)) return std::nullopt;
  return value;
}

// A literal's value, integers as doubles (exact below 2^53, and only compared).
std::optional<double> ValueOf(const LiteralParts& parts, bool floating) {
  if (floating) return FloatValue(parts.number);
  const auto value = IntegerValue(parts.number);
  if (!value) return std::nullopt;
  return static_cast<double>(*value);
}

std::string SpelledInteger(long long value, const std::string& suffix) {
  return value < 0 ? fmt::format("(-{}{})", -value, suffix) : fmt::format("{}{}", value, suffix);
}

std::string SpelledFloat(double value, const std::string& suffix) {
  std::string magnitude = fmt::format("{}", std::fabs(value));
  if (magnitude.find_first_of(".e") == std::string::npos) magnitude += ".0";
  return value < 0 ? fmt::format("(-{}{})", magnitude, suffix)
                   : fmt::format("{}{}", magnitude, suffix);
}

void AddOnce(std::vector<std::string>& out, std::string spelled) {
  if (std::find(out.begin(), out.end(), spelled) == out.end()) out.push_back(std::move(spelled));
}

// 0, 1, -1, +1, -1, double, halve: the distinct new values, spelled with the suffix.
std::vector<std::string> Tweaks(const std::string& text, bool floating) {
  const auto parts = PartsOf(text, floating);
  if (!parts) return {};
  std::vector<std::string> out;
  if (floating) {
    const auto value = FloatValue(parts->number);
    if (!value) return {};
    const double v = *value;
    for (double next : {0.0, 1.0, -1.0, v + 1, v - 1, v * 2, v / 2}) {
      if (next != v && std::isfinite(next)) AddOnce(out, SpelledFloat(next, parts->suffix));
    }
    return out;
  }
  const auto value = IntegerValue(parts->number);
  if (!value) return {};
  const long long v = *value;
  for (long long next : {0LL, 1LL, -1LL, v + 1, v - 1, v * 2, v / 2}) {
    if (next != v) AddOnce(out, SpelledInteger(next, parts->suffix));
  }
  return out;
}

// The other values the literals of `site`'s kind (integer or floating) have in `file`,
// each once, as written there (digit separators dropped) but with `site`'s suffix.
std::vector<std::string> ValuesInFile(const FileSites& file, const Literal& site) {
  const auto parts = PartsOf(Text(file, site.begin, site.end), site.floating);
  const auto value = parts ? ValueOf(*parts, site.floating) : std::nullopt;
  if (!value) return {};
  std::vector<double> seen = {*value};
  std::vector<std::string> out;
  for (const Literal& other : file.literals) {
    if (other.floating != site.floating) continue;
    const auto other_parts = PartsOf(Text(file, other.begin, other.end), other.floating);
    const auto other_value = other_parts ? ValueOf(*other_parts, other.floating) : std::nullopt;
    if (!other_value || std::find(seen.begin(), seen.end(), *other_value) != seen.end()) {
      continue;
    }
    seen.push_back(*other_value);
    out.push_back(other_parts->number + parts->suffix);
  }
  return out;
}

std::optional<AppliedOperator> NewValue(GiOperator op, const FileSites& file, const Literal& site,
                                        const std::vector<std::string>& choices, Random& random) {
  if (choices.empty()) return std::nullopt;
  const std::string text = Text(file, site.begin, site.end);
  const std::string& chosen = choices[random.Pick(choices.size())];
  return Applied(op, {EditOf(file, site.begin, text, chosen)},
                 fmt::format("replace {} with {} in {}", text, chosen, Where(file, site.begin)));
}

std::optional<AppliedOperator> Negate(const FileSites& file, const Condition& site) {
  const std::string text = Text(file, site.begin, site.end);
  return Applied(GiOperator::kNegateCondition, {EditOf(file, site.begin, text, "!(" + text + ")")},
                 fmt::format("negate condition in {}", Where(file, site.begin)));
}

// Conservative: touching ranges and insertions at a range's edge count as overlapping.
bool Overlaps(const GiEdit& a, const GiEdit& b) {
  const size_t a_end = a.offset + a.old_text.size(), b_end = b.offset + b.old_text.size();
  if (a.old_text.empty() && b.old_text.empty()) return a.offset == b.offset;
  if (a.old_text.empty()) return b.offset <= a.offset && a.offset <= b_end;
  if (b.old_text.empty()) return a.offset <= b.offset && b.offset <= a_end;
  return a.offset < b_end && b.offset < a_end;
}

}  // namespace

std::optional<AppliedOperator> ApplyOperator(const std::vector<FileSites>& files, const Site& site,
                                             Random& random) {
  const FileSites& file = files[site.file];
  const size_t i = site.index;
  switch (site.op) {
    case GiOperator::kDeleteStatement:
      return Delete(file, file.statements[i]);
    case GiOperator::kCopyStatement:
      return Copy(file, file.statements[i], random);
    case GiOperator::kSwapStatements:
      return Swap(file, i, random);
    case GiOperator::kReplaceStatement:
      return Replace(file, i, random);
    case GiOperator::kBinaryOperator:
      return Binary(file, file.binary[i], random);
    case GiOperator::kUnaryOperator:
      return Unary(file, file.unary[i], random);
    case GiOperator::kConstant: {
      const Literal& literal = file.literals[i];
      return NewValue(GiOperator::kConstant, file, literal,
                      Tweaks(Text(file, literal.begin, literal.end), literal.floating), random);
    }
    case GiOperator::kReuseConstant: {
      const Literal& literal = file.literals[i];
      return NewValue(GiOperator::kReuseConstant, file, literal, ValuesInFile(file, literal),
                      random);
    }
    case GiOperator::kNegateCondition:
      return Negate(file, file.conditions[i]);
    case GiOperator::kCrossover:
      break;
  }
  return std::nullopt;
}

bool Clashes(const AppliedOperator& a, const AppliedOperator& b) {
  for (const GiEdit& x : a.edits) {
    for (const GiEdit& y : b.edits) {
      if (x.file == y.file && Overlaps(x, y)) return true;
    }
  }
  return false;
}

}  // namespace clade::mutation::gi
