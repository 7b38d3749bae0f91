#include "engine/mutation/outline.h"

#include <fmt/format.h>

namespace clade::mutation {
namespace {

nlohmann::json PositionJson(const SourcePosition& position) {
  return {{"line", position.line}, {"column", position.column}, {"offset", position.offset}};
}

std::string LineSpan(const Symbol& symbol) {
  if (symbol.range.begin.line == symbol.range.end.line) {
    return fmt::format("L{}", symbol.range.begin.line);
  }
  return fmt::format("L{}-{}", symbol.range.begin.line, symbol.range.end.line);
}

}  // namespace

nlohmann::json IndexToJson(const SourceIndex& index) {
  nlohmann::json files = nlohmann::json::array();
  for (const IndexedFile& file : index.files) {
    files.push_back({{"path", file.path},
                     {"bytes", file.bytes},
                     {"lines", file.lines},
                     {"editable", file.editable},
                     {"cxx", file.cxx}});
  }
  nlohmann::json symbols = nlohmann::json::array();
  for (const Symbol& symbol : index.symbols) {
    symbols.push_back({{"kind", SymbolKindName(symbol.kind)},
                       {"name", symbol.name},
                       {"qualified_name", symbol.qualified_name},
                       {"signature", symbol.signature},
                       {"parameters", symbol.parameters},
                       {"file", symbol.file},
                       {"parent", symbol.parent},
                       {"definition", symbol.is_definition},
                       {"lines", symbol.Lines()},
                       {"begin", PositionJson(symbol.range.begin)},
                       {"end", PositionJson(symbol.range.end)}});
  }
  nlohmann::json errors = nlohmann::json::array();
  for (const Diagnostic& error : index.errors) errors.push_back(error.Format());
  return {{"files", std::move(files)}, {"symbols", std::move(symbols)}, {"errors", errors}};
}

std::string Outline(const SourceIndex& index) {
  std::string text;
  auto symbol = index.symbols.begin();
  for (const IndexedFile& file : index.files) {
    text +=
        fmt::format("{} ({} lines{})\n", file.path, file.lines, file.editable ? "" : ", read-only");
    std::vector<size_t> enclosing;  // end offsets of the types around the current symbol
    for (; symbol != index.symbols.end() && symbol->file == file.path; ++symbol) {
      while (!enclosing.empty() && symbol->range.begin.offset >= enclosing.back()) {
        enclosing.pop_back();
      }
      const bool function =
          symbol->kind == SymbolKind::kFunction || symbol->kind == SymbolKind::kMethod;
      text += fmt::format("{:{}}{} {}{}{}\n", "", 2 + 2 * enclosing.size(), LineSpan(*symbol),
                          function ? fmt::format("{} ", SymbolKindName(symbol->kind)) : "",
                          symbol->signature,
                          function && !symbol->is_definition ? " [declaration]" : "");
      if (!function) enclosing.push_back(symbol->range.end.offset);
    }
  }
  return text;
}

}  // namespace clade::mutation
