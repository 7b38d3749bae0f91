#include "engine/mutation/gi_crossover.h"

#include <cctype>
#include <map>
#include <memory>
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

// One source with its function definitions by key and its texts. Not movable: the
// definitions point into `index` and the texts refer to `source`.
struct IndexedSource {
  IndexedSource(AgentSource opened, SourceIndex built)
      : source(std::move(opened)),
        index(std::move(built)),
        definitions(DefinitionsByKey(index)),
        texts(source) {}
  IndexedSource(const IndexedSource&) = delete;
  IndexedSource& operator=(const IndexedSource&) = delete;

  AgentSource source;
  SourceIndex index;
  Definitions definitions;
  Texts texts;
};

Result<std::unique_ptr<IndexedSource>> OpenIndexed(const std::filesystem::path& root) {
  AgentSource source = CLADE_TRY(AgentSource::Open(root));
  SourceIndex index = CLADE_TRY(BuildSourceIndex(source));
  return std::make_unique<IndexedSource>(std::move(source), std::move(index));
}

// Whether the base defines `theirs` (a donor's definition of text `text`) the same way
// (whitespace aside): the donor's line did not change it.
Result<bool> Unchanged(IndexedSource& base, const Symbol& theirs, std::string_view text) {
  const Symbol* original = Counterpart(base.definitions, theirs);
  if (original == nullptr) return false;
  const std::string_view base_text = CLADE_TRY(base.texts.Of(original->file, original->range));
  return WithoutWhitespace(base_text) == WithoutWhitespace(text);
}

// Appends the candidates of `donor` to `out`.
Result<> AddCandidates(const AgentSource& agent, const SourceIndex& parent, Texts& parent_texts,
                       const GiDonor& donor, std::vector<AppliedOperator>& out) {
  const std::unique_ptr<IndexedSource> theirs = CLADE_TRY(OpenIndexed(donor.root));
  std::unique_ptr<IndexedSource> base;
  if (!donor.base.empty()) base = CLADE_TRY(OpenIndexed(donor.base));
  for (const Symbol& mine : parent.symbols) {
    if (!IsFunctionDefinition(mine) || !agent.IsEditable(mine.file)) continue;
    const Symbol* counterpart = Counterpart(theirs->definitions, mine);
    if (counterpart == nullptr) continue;
    const std::string_view old_text = CLADE_TRY(parent_texts.Of(mine.file, mine.range));
    const std::string_view new_text =
        CLADE_TRY(theirs->texts.Of(counterpart->file, counterpart->range));
    if (old_text.empty() || new_text.empty() ||
        WithoutWhitespace(old_text) == WithoutWhitespace(new_text)) {
      continue;
    }
    if (base && CLADE_TRY(Unchanged(*base, *counterpart, new_text))) continue;
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
