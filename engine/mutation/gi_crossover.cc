#include "engine/mutation/gi_crossover.h"

#include <cctype>
#include <map>
#include <string>
#include <string_view>
#include <utility>

#include <fmt/format.h>

#include "engine/mutation/source_index.h"

namespace clade::mutation::gi {
namespace {

using Definitions = std::map<std::string, std::vector<const Symbol*>>;

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

// The function definitions of `index` by Symbol::Key().
Definitions DefinitionsByKey(const SourceIndex& index) {
  Definitions by_key;
  for (const Symbol& symbol : index.symbols) {
    if (IsFunctionDefinition(symbol)) by_key[symbol.Key()].push_back(&symbol);
  }
  return by_key;
}

// The donor's definition that stands for `mine`: its only one of that key or, when it has
// several, the one in a file of the same path; null when there is none.
const Symbol* Counterpart(const Definitions& theirs, const Symbol& mine) {
  auto found = theirs.find(mine.Key());
  if (found == theirs.end()) return nullptr;
  const std::vector<const Symbol*>& same_key = found->second;
  const Symbol* counterpart = same_key.size() == 1 ? same_key.front() : nullptr;
  for (const Symbol* candidate : same_key) {
    if (same_key.size() > 1 && candidate->file == mine.file) counterpart = candidate;
  }
  return counterpart;
}

// The files of one source, each read once.
class Texts {
 public:
  explicit Texts(const AgentSource& source) : source_(source) {}

  // The text of `range` of `path`; empty when the range does not fit in the file.
  Result<std::string_view> Of(const std::string& path, const SourceRange& range) {
    if (!texts_.count(path)) texts_[path] = CLADE_TRY(source_.Read(path));
    const std::string& text = texts_[path];
    if (range.begin.offset > range.end.offset || range.end.offset > text.size()) {
      return std::string_view();
    }
    return std::string_view(text).substr(range.begin.offset, range.end.offset - range.begin.offset);
  }

 private:
  const AgentSource& source_;
  std::map<std::string, std::string> texts_;
};

// `mine` replaced by `new_text`, a definition of `donor`'s.
AppliedOperator Crossover(const Symbol& mine, std::string_view old_text, std::string_view new_text,
                          int donor) {
  GiEdit edit{std::string(GiOperatorName(GiOperator::kCrossover)),
              mine.file,
              mine.range.begin.offset,
              mine.range.begin.line,
              std::string(old_text),
              std::string(new_text),
              donor};
  return {GiOperator::kCrossover,
          {std::move(edit)},
          fmt::format("cross over {} from variant {} into {}:{}", mine.Key(), donor, mine.file,
                      mine.range.begin.line)};
}

// Appends the candidates of `donor` to `out`.
Result<> AddCandidates(const AgentSource& agent, const SourceIndex& parent, Texts& parent_texts,
                       const GiDonor& donor, std::vector<AppliedOperator>& out) {
  const AgentSource donor_source = CLADE_TRY(AgentSource::Open(donor.root));
  const SourceIndex index = CLADE_TRY(BuildSourceIndex(donor_source));
  const Definitions theirs = DefinitionsByKey(index);  // points into `index`
  Texts donor_texts(donor_source);
  for (const Symbol& mine : parent.symbols) {
    if (!IsFunctionDefinition(mine) || !agent.IsEditable(mine.file)) continue;
    const Symbol* counterpart = Counterpart(theirs, mine);
    if (counterpart == nullptr) continue;
    const std::string_view old_text = CLADE_TRY(parent_texts.Of(mine.file, mine.range));
    const std::string_view new_text =
        CLADE_TRY(donor_texts.Of(counterpart->file, counterpart->range));
    if (old_text.empty() || new_text.empty() ||
        WithoutWhitespace(old_text) == WithoutWhitespace(new_text)) {
      continue;
    }
    out.push_back(Crossover(mine, old_text, new_text, donor.variant));
  }
  return {};
}

}  // namespace

Result<std::vector<AppliedOperator>> CrossoverCandidates(const AgentSource& agent,
                                                         const std::vector<GiDonor>& donors) {
  const SourceIndex parent = CLADE_TRY(BuildSourceIndex(agent));
  Texts parent_texts(agent);
  std::vector<AppliedOperator> out;
  for (const GiDonor& donor : donors) {
    CLADE_TRY(AddCandidates(agent, parent, parent_texts, donor, out));
  }
  return out;
}

}  // namespace clade::mutation::gi
