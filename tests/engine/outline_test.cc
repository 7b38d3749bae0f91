#include "engine/mutation/outline.h"

#include <catch2/catch.hpp>

using namespace clade::mutation;

namespace {

SourceIndex SmallIndex() {
  SourceIndex index;
  index.files = {{"README.md", 10, 1, true, false}, {"src/a.h", 200, 12, false, true}};
  Symbol type;
  type.kind = SymbolKind::kClass;
  type.name = "A";
  type.qualified_name = "ns::A";
  type.signature = "class ns::A";
  type.file = "src/a.h";
  type.range = {{2, 1, 10}, {8, 2, 150}};
  type.is_definition = true;
  Symbol method;
  method.kind = SymbolKind::kMethod;
  method.name = "f";
  method.qualified_name = "ns::A::f";
  method.signature = "int ns::A::f(int x) const";
  method.parameters = "(int)";
  method.file = "src/a.h";
  method.range = {{4, 3, 40}, {4, 25, 62}};
  method.parent = "ns::A";
  Symbol free;
  free.kind = SymbolKind::kFunction;
  free.name = "g";
  free.qualified_name = "g";
  free.signature = "void g()";
  free.parameters = "()";
  free.file = "src/a.h";
  free.range = {{10, 1, 160}, {12, 2, 190}};
  free.is_definition = true;
  index.symbols = {type, method, free};
  index.errors = {{"src/a.h", 3, 4, "expected ';'"}};
  return index;
}

}  // namespace

TEST_CASE("Outline: one line per file and per symbol, members indented") {
  CHECK(Outline(SmallIndex()) ==
        "README.md (1 lines)\n"
        "src/a.h (12 lines, read-only)\n"
        "  L2-8 class ns::A\n"
        "    L4 method int ns::A::f(int x) const [declaration]\n"
        "  L10-12 function void g()\n");
}

TEST_CASE("IndexToJson: every field of files, symbols and errors") {
  nlohmann::json json = IndexToJson(SmallIndex());
  CHECK(json["files"][1]["path"] == "src/a.h");
  CHECK(json["files"][1]["editable"] == false);
  CHECK(json["symbols"][1]["kind"] == "method");
  CHECK(json["symbols"][1]["parameters"] == "(int)");
  CHECK(json["symbols"][1]["definition"] == false);
  CHECK(json["symbols"][2]["begin"]["offset"] == 160);
  CHECK(json["symbols"][2]["end"]["line"] == 12);
  CHECK(json["symbols"][2]["lines"] == 3);
  CHECK(json["errors"][0] == "src/a.h:3:4: error: expected ';'");
}
