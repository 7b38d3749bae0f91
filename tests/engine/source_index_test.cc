#include "engine/mutation/source_index.h"

#include "tests/engine/sample_agent.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

namespace {

const Symbol* Find(const SourceIndex& index, const std::string& file, const std::string& key,
                   bool definition) {
  for (const Symbol& symbol : index.symbols) {
    if (symbol.file == file && symbol.Key() == key && symbol.is_definition == definition) {
      return &symbol;
    }
  }
  return nullptr;
}

}  // namespace

TEST_CASE("BuildSourceIndex: classes, functions and methods of the agent's own files") {
  TempDir dir;
  testing::WriteTree(dir.path(), testing::SampleAgent());
  auto agent = AgentSource::Open(dir.path(), {.editable = std::vector<std::string>{"src/**"}});
  REQUIRE(agent);
  auto index = BuildSourceIndex(*agent);
  REQUIRE(index);
  INFO(FormatDiagnostics(index->errors));
  CHECK(index->errors.empty());

  REQUIRE(index->files.size() == 5);
  const IndexedFile* header = index->FindFile("src/solver.h");
  REQUIRE(header);
  CHECK(header->lines == 15);
  CHECK(header->editable);
  CHECK_FALSE(index->FindFile("agent.yaml")->editable);

  for (const Symbol& symbol : index->symbols) {
    CHECK(symbol.file.starts_with("src/"));  // nothing from <cstdio>
  }
  const Symbol* task = Find(*index, "src/solver.h", "repair::Task", true);
  REQUIRE(task);
  CHECK(task->kind == SymbolKind::kStruct);
  CHECK(task->range.begin.line == 3);
  CHECK(task->range.end.line == 5);

  const Symbol* solve = Find(*index, "src/solver.cc", "repair::Solver::Solve(const Task&)", true);
  REQUIRE(solve);
  CHECK(solve->kind == SymbolKind::kMethod);
  CHECK(solve->signature == "int repair::Solver::Solve(const Task& task) const");
  CHECK(solve->parent == "repair::Solver");
  const std::string source = testing::kSolverSource;
  CHECK(solve->range.begin.offset == source.find("int Solver::Solve"));
  CHECK(solve->range.end.offset == source.find("}\nint Twice") + 1);
  CHECK(solve->range.begin.line == 3);
  CHECK(solve->range.begin.column == 1);
  CHECK(solve->range.end.line == 5);
  CHECK(solve->range.end.column == 2);
  CHECK(solve->Lines() == 3);

  CHECK(Find(*index, "src/solver.h", "repair::Solver::Solve(const Task&)", false));
  CHECK(Find(*index, "src/solver.h", "repair::Solver::Reset()", true));
  CHECK(Find(*index, "src/main.cc", "main()", true));
  CHECK(index->FindDefinitions("repair::Twice").size() == 2);
  CHECK(index->FindDefinitions("repair::Twice(double)").size() == 1);
  CHECK(index->FindDefinitions("repair::Twice( int )").size() == 1);
  CHECK(index->FindDefinitions("repair::Solver::Solve").size() == 1);  // not the declaration
}

TEST_CASE("BuildSourceIndex: parse errors are reported, the rest is still indexed") {
  TempDir dir;
  testing::WriteTree(dir.path(), {{"a.cc", "int good() { return 1; }\nint bad() { return ; }\n"},
                                  {"lonely.h", "struct Lonely { int x; };\n"}});
  auto agent = AgentSource::Open(dir.path());
  REQUIRE(agent);
  auto index = BuildSourceIndex(*agent);
  REQUIRE(index);
  REQUIRE(index->errors.size() == 1);
  CHECK(index->errors[0].Format().starts_with("a.cc:2:"));
  CHECK(index->FindDefinitions("good").size() == 1);
  bool lonely = false;  // a header no source includes is parsed on its own
  for (const Symbol& symbol : index->symbols) lonely |= symbol.qualified_name == "Lonely";
  CHECK(lonely);
}

TEST_CASE("BuildSourceIndex: an overlay adds and replaces files") {
  TempDir dir;
  testing::WriteTree(dir.path(), {{"a.cc", "int one() { return 1; }\n"}});
  auto agent = AgentSource::Open(dir.path());
  REQUIRE(agent);
  auto index = BuildSourceIndex(
      *agent, {{"a.cc", "int uno() { return 1; }\n"}, {"b.cc", "int two() { return 2; }\n"}});
  REQUIRE(index);
  CHECK(index->FindDefinitions("one").empty());
  CHECK(index->FindDefinitions("uno").size() == 1);
  CHECK(index->FindDefinitions("two").size() == 1);
}
