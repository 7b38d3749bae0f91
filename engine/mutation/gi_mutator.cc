#include "engine/mutation/gi_mutator.h"

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <map>
#include <random>
#include <tuple>

#include <fmt/format.h>

#include "engine/mutation/apply_edits.h"
#include "engine/mutation/gi_sites.h"
#include "engine/mutation/source_index.h"
#include "support/strings.h"

namespace clade::mutation {
namespace {

using gi::FileSites;
using gi::Point;
using gi::Statement;

// One operator applied: its edits, all in one file (one each but for a swap's two), and
// one line for the child's summary.
struct AppliedOperator {
  GiOperator op = GiOperator::kConstant;
  std::vector<GiEdit> edits;
  std::string description;
};

// Conservative: touching ranges and insertions at a range's edge count as overlapping.
bool Overlaps(const GiEdit& a, const GiEdit& b) {
  const size_t a_end = a.offset + a.old_text.size(), b_end = b.offset + b.old_text.size();
  if (a.old_text.empty() && b.old_text.empty()) return a.offset == b.offset;
  if (a.old_text.empty()) return b.offset <= a.offset && a.offset <= b_end;
  if (b.old_text.empty()) return a.offset <= b.offset && b.offset <= a_end;
  return a.offset < b_end && b.offset < a_end;
}

// Whether two operators change the same text: an edit of one overlaps one of the other.
bool Clashes(const AppliedOperator& a, const AppliedOperator& b) {
  for (const GiEdit& x : a.edits) {
    for (const GiEdit& y : b.edits) {
      if (x.file == y.file && Overlaps(x, y)) return true;
    }
  }
  return false;
}

int LineOf(const std::string& text, size_t offset) {
  return 1 + static_cast<int>(
                 std::count(text.begin(), text.begin() + std::min(offset, text.size()), '\n'));
}

// The draws. Uniform choices are `rng() % n`: std::uniform_int_distribution differs
// between standard libraries, and a child must be the same wherever it is re-derived.
class Drawer {
 public:
  Drawer(const std::vector<FileSites>& files, uint64_t seed) : files_(files), rng_(seed) {}

  uint64_t Pick(size_t n) { return n == 0 ? 0 : rng_() % n; }
  // Uniform in [0, 1) from the top 53 bits: the same on every standard library.
  double Uniform() { return static_cast<double>(rng_() >> 11) * 0x1.0p-53; }

  // Sites of `op` across all files, as (file, index), sorted by file then offset.
  std::vector<std::pair<size_t, size_t>> Sites(GiOperator op) const {
    std::vector<std::pair<size_t, size_t>> sites;
    for (size_t f = 0; f < files_.size(); ++f) {
      const FileSites& file = files_[f];
      size_t count = 0;
      switch (op) {
        case GiOperator::kDeleteStatement:
          count = file.statements.size();
          break;
        case GiOperator::kCopyStatement:
        case GiOperator::kSwapStatements:
        case GiOperator::kReplaceStatement:
          for (size_t i = 0; i < file.statements.size(); ++i) {
            if (file.statements[i].movable) sites.emplace_back(f, i);
          }
          continue;
        case GiOperator::kBinaryOperator:
          count = file.binary.size();
          break;
        case GiOperator::kUnaryOperator:
          count = file.unary.size();
          break;
        case GiOperator::kConstant:
          count = file.literals.size();
          break;
        case GiOperator::kNegateCondition:
          count = file.conditions.size();
          break;
        case GiOperator::kCrossover:
          break;
      }
      for (size_t i = 0; i < count; ++i) sites.emplace_back(f, i);
    }
    return sites;
  }

  std::optional<AppliedOperator> Draw(GiOperator op, size_t f, size_t i) {
    const FileSites& file = files_[f];
    switch (op) {
      case GiOperator::kDeleteStatement:
        return Delete(f, file.statements[i]);
      case GiOperator::kCopyStatement:
        return Copy(f, file.statements[i]);
      case GiOperator::kSwapStatements:
        return Swap(f, i);
      case GiOperator::kReplaceStatement:
        return Replace(f, i);
      case GiOperator::kBinaryOperator:
        return Binary(f, file.binary[i]);
      case GiOperator::kUnaryOperator:
        return Unary(f, file.unary[i]);
      case GiOperator::kConstant:
        return Constant(f, file.literals[i]);
      case GiOperator::kNegateCondition:
        return Negate(f, file.conditions[i]);
      case GiOperator::kCrossover:
        break;
    }
    return std::nullopt;
  }

 private:
  std::string Where(size_t f, size_t offset) const {
    return fmt::format("{}:{}", files_[f].path, LineOf(files_[f].text, offset));
  }

  std::string Text(size_t f, size_t begin, size_t end) const {
    return files_[f].text.substr(begin, end - begin);
  }

  // An edit of file f; Applied sets its operator.
  GiEdit EditOf(size_t f, size_t offset, std::string old_text, std::string new_text) const {
    return {"",
            files_[f].path,
            offset,
            LineOf(files_[f].text, offset),
            std::move(old_text),
            std::move(new_text)};
  }

  // `op` applied as `edits`, named by `description`.
  static AppliedOperator Applied(GiOperator op, std::vector<GiEdit> edits,
                                 std::string description) {
    for (GiEdit& edit : edits) edit.op = GiOperatorName(op);
    return {op, std::move(edits), std::move(description)};
  }

  // Whether `statement` may stand at `point`: every local it uses is visible there, its
  // break/continue have a loop or switch, its return has the same type, `this` the same class.
  bool Fits(const FileSites& file, const Statement& statement, const Point& point) const {
    for (int v : statement.variables) {
      const gi::Variable& var = file.variables[static_cast<size_t>(v)];
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

  static bool Nested(const Statement& a, const Statement& b) {
    return a.begin < b.end && b.begin < a.end;
  }

  std::optional<AppliedOperator> Delete(size_t f, const Statement& statement) {
    const std::string& text = files_[f].text;
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
    return Applied(GiOperator::kDeleteStatement, {EditOf(f, begin, Text(f, begin, end), "")},
                   fmt::format("delete statement in {}", Where(f, statement.begin)));
  }

  std::optional<AppliedOperator> Copy(size_t f, const Statement& statement) {
    const FileSites& file = files_[f];
    std::vector<const Point*> fitting;
    for (const Point& point : file.points) {
      if (Fits(file, statement, point)) fitting.push_back(&point);
    }
    if (fitting.empty()) return std::nullopt;
    const Point& point = *fitting[Pick(fitting.size())];
    // Keep the indentation of the line the copy goes into.
    size_t line_begin = point.offset;
    while (line_begin > 0 &&
           (file.text[line_begin - 1] == ' ' || file.text[line_begin - 1] == '\t')) {
      --line_begin;
    }
    std::string indent = file.text.substr(line_begin, point.offset - line_begin);
    if (line_begin > 0 && file.text[line_begin - 1] != '\n') indent = " ";
    const std::string copy = Text(f, statement.begin, statement.end);
    return Applied(GiOperator::kCopyStatement,
                   {EditOf(f, point.offset, "", copy + (indent == " " ? " " : "\n" + indent))},
                   fmt::format("copy statement from {} to line {}", Where(f, statement.begin),
                               LineOf(file.text, point.offset)));
  }

  std::optional<AppliedOperator> Swap(size_t f, size_t i) {
    const FileSites& file = files_[f];
    const Statement& a = file.statements[i];
    const std::string a_text = Text(f, a.begin, a.end);
    std::vector<const Statement*> partners;
    for (const Statement& b : file.statements) {
      if (&b == &a || !b.movable || b.kind != a.kind || Nested(a, b)) continue;
      if (Text(f, b.begin, b.end) == a_text) continue;
      if (Fits(file, a, b.at) && Fits(file, b, a.at)) partners.push_back(&b);
    }
    if (partners.empty()) return std::nullopt;
    const Statement& b = *partners[Pick(partners.size())];
    const std::string b_text = Text(f, b.begin, b.end);
    const Statement& first = a.begin < b.begin ? a : b;
    const Statement& second = a.begin < b.begin ? b : a;
    return Applied(GiOperator::kSwapStatements,
                   {EditOf(f, a.begin, a_text, b_text), EditOf(f, b.begin, b_text, a_text)},
                   fmt::format("swap statements in {} and line {}", Where(f, first.begin),
                               LineOf(file.text, second.begin)));
  }

  std::optional<AppliedOperator> Replace(size_t f, size_t i) {
    const FileSites& file = files_[f];
    const Statement& source = file.statements[i];
    const std::string source_text = Text(f, source.begin, source.end);
    std::vector<const Statement*> targets;
    for (const Statement& target : file.statements) {
      if (&target == &source || target.kind != source.kind) continue;
      if (Text(f, target.begin, target.end) == source_text) continue;
      if (Fits(file, source, target.at)) targets.push_back(&target);
    }
    if (targets.empty()) return std::nullopt;
    const Statement& target = *targets[Pick(targets.size())];
    return Applied(GiOperator::kReplaceStatement,
                   {EditOf(f, target.begin, Text(f, target.begin, target.end), source_text)},
                   fmt::format("replace statement in {} with the one of line {}",
                               Where(f, target.begin), LineOf(file.text, source.begin)));
  }

  // Spaces around a new operator that could otherwise fuse with its neighbours
  // ("a - -b" -> "a--b", "a* *p" -> "a/*p").
  std::string Spaced(size_t f, size_t begin, size_t end, const std::string& spelling) const {
    static const std::string kOperatorChars = "+-*/%<>=!&|";
    const std::string& text = files_[f].text;
    std::string out = spelling;
    if (spelling.empty()) return out;
    if (begin > 0 && kOperatorChars.find(text[begin - 1]) != std::string::npos) out = " " + out;
    if (end < text.size() && kOperatorChars.find(text[end]) != std::string::npos) out += " ";
    return out;
  }

  std::optional<AppliedOperator> Binary(size_t f, const gi::Operator& site) {
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
    const std::string& chosen = choices[Pick(choices.size())];
    const size_t end = site.offset + site.spelling.size();
    return Applied(
        GiOperator::kBinaryOperator,
        {EditOf(f, site.offset, site.spelling, Spaced(f, site.offset, end, chosen))},
        fmt::format("replace {} with {} in {}", site.spelling, chosen, Where(f, site.offset)));
  }

  std::optional<AppliedOperator> Unary(size_t f, const gi::Operator& site) {
    std::vector<std::string> choices;
    if (site.spelling == "++") choices = {"--"};
    if (site.spelling == "--") choices = {"++"};
    if (site.spelling == "-") choices = {"!"};
    if (site.spelling == "!") choices = {"-", ""};
    if (choices.empty()) return std::nullopt;
    const std::string& chosen = choices[Pick(choices.size())];
    const size_t end = site.offset + site.spelling.size();
    std::string description =
        chosen.empty()
            ? fmt::format("remove {} in {}", site.spelling, Where(f, site.offset))
            : fmt::format("replace {} with {} in {}", site.spelling, chosen, Where(f, site.offset));
    return Applied(GiOperator::kUnaryOperator,
                   {EditOf(f, site.offset, site.spelling, Spaced(f, site.offset, end, chosen))},
                   std::move(description));
  }

  std::optional<AppliedOperator> Constant(size_t f, const gi::Literal& site) {
    const std::string text = Text(f, site.begin, site.end);
    std::vector<std::string> choices = site.floating ? FloatTweaks(text) : IntegerTweaks(text);
    if (choices.empty()) return std::nullopt;
    const std::string& chosen = choices[Pick(choices.size())];
    return Applied(GiOperator::kConstant, {EditOf(f, site.begin, text, chosen)},
                   fmt::format("replace {} with {} in {}", text, chosen, Where(f, site.begin)));
  }

  // 0, 1, -1, +1, -1, double, halve: the distinct new values, spelled with the suffix.
  static std::vector<std::string> IntegerTweaks(const std::string& text) {
    size_t digits_end = text.size();
    while (digits_end > 0 &&
           std::string_view("uUlLzZ").find(text[digits_end - 1]) != std::string_view::npos) {
      --digits_end;
    }
    const std::string suffix = text.substr(digits_end);
    std::string digits;
    for (size_t i = 0; i < digits_end; ++i) {
      if (text[i] != '\'') digits += text[i];
    }
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
    if (digits.empty()) return {};
    errno = 0;
    char* end = nullptr;
    const unsigned long long parsed = std::strtoull(digits.c_str(), &end, base);
    if (errno != 0 || *end != '\0' || parsed > static_cast<unsigned long long>(LLONG_MAX / 2)) {
      return {};
    }
    const long long value = static_cast<long long>(parsed);
    std::vector<std::string> out;
    for (long long next : {0LL, 1LL, -1LL, value + 1, value - 1, value * 2, value / 2}) {
      if (next == value) continue;
      std::string spelled =
          next < 0 ? fmt::format("(-{}{})", -next, suffix) : fmt::format("{}{}", next, suffix);
      if (std::find(out.begin(), out.end(), spelled) == out.end()) out.push_back(spelled);
    }
    return out;
  }

  static std::vector<std::string> FloatTweaks(const std::string& text) {
    if (text.find('\'') != std::string::npos) return {};
    size_t number_end = text.size();
    while (number_end > 0 &&
           std::string_view("fFlL").find(text[number_end - 1]) != std::string_view::npos) {
      --number_end;
    }
    // A hexadecimal float's 'f' could be a digit: leave those alone.
    if (text.size() > 1 && text[0] == '0' && (text[1] == 'x' || text[1] == 'X')) return {};
    const std::string suffix = text.substr(number_end);
    const std::string number = text.substr(0, number_end);
    char* end = nullptr;
    const double value = std::strtod(number.c_str(), &end);
    if (end == nullptr || *end != '\0' || !std::isfinite(value)) return {};
    std::vector<std::string> out;
    for (double next : {0.0, 1.0, -1.0, value + 1, value - 1, value * 2, value / 2}) {
      if (next == value || !std::isfinite(next)) continue;
      std::string magnitude = fmt::format("{}", std::fabs(next));
      if (magnitude.find_first_of(".e") == std::string::npos) magnitude += ".0";
      std::string spelled = next < 0 ? fmt::format("(-{}{})", magnitude, suffix)
                                     : fmt::format("{}{}", magnitude, suffix);
      if (std::find(out.begin(), out.end(), spelled) == out.end()) out.push_back(spelled);
    }
    return out;
  }

  std::optional<AppliedOperator> Negate(size_t f, const gi::Condition& site) {
    const std::string text = Text(f, site.begin, site.end);
    return Applied(GiOperator::kNegateCondition, {EditOf(f, site.begin, text, "!(" + text + ")")},
                   fmt::format("negate condition in {}", Where(f, site.begin)));
  }

  const std::vector<FileSites>& files_;
  std::mt19937_64 rng_;
};

// The edits, operators and summary of the operators applied to one child. The operators
// are ordered by the file, then the offset, of their first edit; the edits by file, then
// offset.
GiMutation ToMutation(std::vector<AppliedOperator> applied) {
  GiMutation mutation;
  std::sort(applied.begin(), applied.end(), [](const AppliedOperator& a, const AppliedOperator& b) {
    return std::tie(a.edits.front().file, a.edits.front().offset) <
           std::tie(b.edits.front().file, b.edits.front().offset);
  });
  std::vector<std::string> descriptions;
  for (AppliedOperator& application : applied) {
    descriptions.push_back(std::move(application.description));
    mutation.operators.push_back(application.op);
    for (GiEdit& edit : application.edits) mutation.edits.push_back(std::move(edit));
  }
  std::sort(mutation.edits.begin(), mutation.edits.end(), [](const GiEdit& a, const GiEdit& b) {
    return std::tie(a.file, a.offset) < std::tie(b.file, b.offset);
  });
  mutation.summary = Join(descriptions, "; ");
  return mutation;
}

// Applies a child's edits with the syntax check; fills `mutation.files`, or says why the
// child is rejected.
std::optional<std::string> Check(const AgentSource& agent, const GiOptions& options,
                                 GiMutation& mutation) {
  const bool recordable = std::all_of(mutation.edits.begin(), mutation.edits.end(), IsRecordable);
  if (!recordable) {
    return fmt::format("an edit is not valid UTF-8, so it cannot be recorded ({})",
                       mutation.summary);
  }
  ApplyResult result =
      ApplyEdits(agent, SourceIndex{}, ToEdits(mutation.edits),
                 {.check_syntax = true, .format = options.format, .preambles = options.preambles});
  if (!result) return fmt::format("{} ({})", result.error().message, mutation.summary);
  mutation.files = std::move(result->files);
  return std::nullopt;
}

bool IsFunctionDefinition(const Symbol& symbol) {
  return symbol.is_definition &&
         (symbol.kind == SymbolKind::kFunction || symbol.kind == SymbolKind::kMethod);
}

std::string WithoutWhitespace(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (!std::isspace(static_cast<unsigned char>(c))) out += c;
  }
  return out;
}

std::string_view RangeText(const std::string& text, const SourceRange& range) {
  if (range.begin.offset > range.end.offset || range.end.offset > text.size()) return {};
  return std::string_view(text).substr(range.begin.offset, range.end.offset - range.begin.offset);
}

// Every definition of an editable parent file that a donor defines differently (whitespace
// aside) under the same qualified name and parameters, in donor order, then by file and
// offset. A name a donor defines more than once counts only in a file of the same path.
Result<std::vector<AppliedOperator>> CrossoverCandidates(const AgentSource& agent,
                                                         const std::vector<GiDonor>& donors) {
  const SourceIndex parent = CLADE_TRY(BuildSourceIndex(agent));
  std::map<std::string, std::string> parent_texts;
  std::vector<AppliedOperator> out;
  for (const GiDonor& donor : donors) {
    const AgentSource donor_source = CLADE_TRY(AgentSource::Open(donor.root));
    const SourceIndex index = CLADE_TRY(BuildSourceIndex(donor_source));
    std::map<std::string, std::vector<const Symbol*>> by_key;
    for (const Symbol& symbol : index.symbols) {
      if (IsFunctionDefinition(symbol)) by_key[symbol.Key()].push_back(&symbol);
    }
    std::map<std::string, std::string> donor_texts;
    for (const Symbol& mine : parent.symbols) {
      if (!IsFunctionDefinition(mine) || !agent.IsEditable(mine.file)) continue;
      auto found = by_key.find(mine.Key());
      if (found == by_key.end()) continue;
      const Symbol* theirs = found->second.size() == 1 ? found->second.front() : nullptr;
      for (const Symbol* candidate : found->second) {
        if (found->second.size() > 1 && candidate->file == mine.file) theirs = candidate;
      }
      if (theirs == nullptr) continue;
      if (!parent_texts.count(mine.file)) {
        parent_texts[mine.file] = CLADE_TRY(agent.Read(mine.file));
      }
      if (!donor_texts.count(theirs->file)) {
        donor_texts[theirs->file] = CLADE_TRY(donor_source.Read(theirs->file));
      }
      const std::string& text = parent_texts[mine.file];
      const std::string_view old_text = RangeText(text, mine.range);
      const std::string_view new_text = RangeText(donor_texts[theirs->file], theirs->range);
      if (old_text.empty() || new_text.empty() ||
          WithoutWhitespace(old_text) == WithoutWhitespace(new_text)) {
        continue;
      }
      GiEdit edit{std::string(GiOperatorName(GiOperator::kCrossover)),
                  mine.file,
                  mine.range.begin.offset,
                  mine.range.begin.line,
                  std::string(old_text),
                  std::string(new_text),
                  donor.variant};
      out.push_back({GiOperator::kCrossover,
                     {std::move(edit)},
                     fmt::format("cross over {} from variant {} into {}:{}", mine.Key(),
                                 donor.variant, mine.file, mine.range.begin.line)});
    }
  }
  return out;
}

std::string OperatorNames(const std::vector<GiOperator>& operators) {
  std::vector<std::string> names;
  for (GiOperator op : operators) names.emplace_back(GiOperatorName(op));
  return Join(names, ", ");
}

// Each file and why it offers no site: its size, its first parse error, or nothing the
// allowed operators act on (code only in macros, declarations only, no function body).
std::string WhyNoSite(const std::vector<FileSites>& files) {
  std::vector<std::string> reasons;
  for (const FileSites& file : files) {
    if (!file.skipped.empty()) {
      reasons.push_back(fmt::format("{} is skipped ({})", file.path, file.skipped));
    } else if (!file.errors.empty()) {
      reasons.push_back(
          fmt::format("{} does not parse ({})", file.path, file.errors.front().Format()));
    } else {
      reasons.push_back(fmt::format(
          "{} has none (only code spelled in function bodies counts, not macro expansions)",
          file.path));
    }
  }
  return Join(reasons, "; ");
}

struct CrossoverResult {
  std::optional<GiMutation> mutation;
  int attempts = 0;
  std::string failure;  // why there is no mutation
};

// Draws crossover candidates (each at most once) until one passes the syntax check, up to
// max_attempts.
Result<CrossoverResult> TryCrossover(const AgentSource& agent, const GiOptions& options,
                                     Drawer& drawer) {
  CrossoverResult result;
  if (options.donors.empty()) {
    result.failure = "there is no donor";
    return result;
  }
  std::vector<AppliedOperator> candidates = CLADE_TRY(CrossoverCandidates(agent, options.donors));
  result.failure = "no function of an editable file is defined differently by a donor";
  while (!candidates.empty() && result.attempts < std::max(1, options.max_attempts)) {
    ++result.attempts;
    const auto pick = static_cast<std::ptrdiff_t>(drawer.Pick(candidates.size()));
    AppliedOperator crossover = std::move(candidates[static_cast<size_t>(pick)]);
    candidates.erase(candidates.begin() + pick);
    GiMutation mutation = ToMutation({std::move(crossover)});
    mutation.attempts = result.attempts;
    if (std::optional<std::string> rejection = Check(agent, options, mutation)) {
      result.failure = "the last candidate was rejected: " + std::move(*rejection);
      continue;
    }
    result.mutation = std::move(mutation);
    break;
  }
  return result;
}

}  // namespace

std::string_view GiOperatorName(GiOperator op) {
  switch (op) {
    case GiOperator::kDeleteStatement:
      return "delete_statement";
    case GiOperator::kCopyStatement:
      return "copy_statement";
    case GiOperator::kSwapStatements:
      return "swap_statements";
    case GiOperator::kReplaceStatement:
      return "replace_statement";
    case GiOperator::kBinaryOperator:
      return "binary_operator";
    case GiOperator::kUnaryOperator:
      return "unary_operator";
    case GiOperator::kConstant:
      return "constant";
    case GiOperator::kNegateCondition:
      return "negate_condition";
    case GiOperator::kCrossover:
      return "crossover";
  }
  return "unknown";
}

std::optional<GiOperator> GiOperatorFromName(std::string_view name) {
  for (GiOperator op : kAllGiOperators) {
    if (GiOperatorName(op) == name) return op;
  }
  if (name == GiOperatorName(GiOperator::kCrossover)) return GiOperator::kCrossover;
  return std::nullopt;
}

Result<GiMutation> MutateGi(const AgentSource& agent, const GiOptions& options) {
  const std::vector<FileSites> files = CLADE_TRY(gi::CollectSites(agent, options.cache));
  if (files.empty()) {
    return FailAs(ErrorKind::kNoChild, "{} has no editable C/C++ file (editable: {})",
                  agent.root().string(),
                  agent.editable().globs().empty() ? std::string("everything but agent.yaml")
                                                   : Join(agent.editable().globs(), ", "));
  }
  Drawer drawer(files, options.seed);
  const int attempts = std::max(1, options.max_attempts);
  const bool crossover_only =
      !options.operators.empty() &&
      std::all_of(options.operators.begin(), options.operators.end(),
                  [](GiOperator op) { return op == GiOperator::kCrossover; });
  int crossover_attempts = 0;
  if (crossover_only || (!options.donors.empty() && options.crossover_rate > 0 &&
                         drawer.Uniform() < options.crossover_rate)) {
    CrossoverResult crossover = CLADE_TRY(TryCrossover(agent, options, drawer));
    if (crossover.mutation) return std::move(*crossover.mutation);
    if (crossover_only) {
      return FailAs(ErrorKind::kNoChild, "crossover into {} found no child: {}",
                    agent.root().string(), crossover.failure);
    }
    crossover_attempts = crossover.attempts;
  }

  // Empty means all.
  auto allowed = [&](GiOperator op) {
    return options.operators.empty() ||
           std::find(options.operators.begin(), options.operators.end(), op) !=
               options.operators.end();
  };
  std::vector<std::pair<GiOperator, std::vector<std::pair<size_t, size_t>>>> usable;
  for (GiOperator op : kAllGiOperators) {
    if (!allowed(op)) continue;
    auto sites = drawer.Sites(op);
    if (!sites.empty()) usable.emplace_back(op, std::move(sites));
  }
  if (usable.empty()) {
    return FailAs(
        ErrorKind::kNoChild, "no editable file of {} has a site for the allowed operators{}: {}",
        agent.root().string(),
        options.operators.empty() ? std::string()
                                  : fmt::format(" ({})", OperatorNames(options.operators)),
        WhyNoSite(files));
  }

  const int k = std::max(1, options.max_operators);
  std::string last_rejection = "no operator could be applied";
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    const size_t wanted = 1 + drawer.Pick(static_cast<size_t>(k));
    std::vector<AppliedOperator> applied;
    for (size_t draw = 0; applied.size() < wanted && draw < 8 * wanted; ++draw) {
      const auto& [op, sites] = usable[drawer.Pick(usable.size())];
      const auto [f, i] = sites[drawer.Pick(sites.size())];
      std::optional<AppliedOperator> application = drawer.Draw(op, f, i);
      if (!application) continue;
      const bool clash =
          std::any_of(applied.begin(), applied.end(),
                      [&](const AppliedOperator& other) { return Clashes(other, *application); });
      if (!clash) applied.push_back(std::move(*application));
    }
    if (applied.empty()) continue;

    GiMutation mutation = ToMutation(std::move(applied));
    mutation.attempts = crossover_attempts + attempt;
    if (std::optional<std::string> rejection = Check(agent, options, mutation)) {
      last_rejection = std::move(*rejection);
      continue;
    }
    return mutation;
  }
  return FailAs(ErrorKind::kNoChild, "{} attempts on {} were all rejected; the last: {}", attempts,
                agent.root().string(), last_rejection);
}

}  // namespace clade::mutation
