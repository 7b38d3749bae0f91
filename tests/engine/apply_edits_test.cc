#include "engine/mutation/apply_edits.h"

#include "tests/engine/sample_agent.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

namespace {

bool Contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// The sample agent on disk, opened with editable src/**, and its index.
struct Sample {
  TempDir dir;
  AgentSource agent;
  SourceIndex index;

  explicit Sample(std::map<std::string, std::string> files = testing::SampleAgent()) {
    testing::WriteTree(dir.path(), files);
    agent =
        OrThrow(AgentSource::Open(dir.path(), {.editable = std::vector<std::string>{"src/**"}}));
    index = OrThrow(BuildSourceIndex(agent));
  }

  ApplyResult Apply(std::vector<Edit> edits, ApplyOptions options = {}) {
    return ApplyEdits(agent, index, edits, options);
  }
};

const ApplyOptions kNoParse{.check_syntax = false, .format = false};

}  // namespace

TEST_CASE("ApplyEdits: an exact SEARCH/REPLACE changes that text only") {
  Sample sample;
  auto result = sample.Apply({SearchReplace{"src/solver.cc", "return task.size + count_;",
                                            "return task.size * 2 + count_;"}});
  REQUIRE(result);
  REQUIRE(result->files.size() == 1);
  std::string expected = testing::kSolverSource;
  expected.replace(expected.find("task.size"), 9, "task.size * 2");
  CHECK(result->files.at("src/solver.cc") == expected);
}

TEST_CASE("ApplyEdits: SEARCH tolerates differing whitespace, no path searches all files") {
  Sample sample;
  auto result = sample.Apply(
      {SearchReplace{"",
                     "int Solver::Solve(const Task& task) const {\n\treturn task.size +  count_;",
                     "int Solver::Solve(const Task& task) const {\n  return task.size - count_;"}},
      kNoParse);
  REQUIRE(result);
  CHECK(Contains(result->files.at("src/solver.cc"), "return task.size - count_;\n}"));
}

TEST_CASE("ApplyEdits: a missing SEARCH text is rejected with the closest line") {
  Sample sample;
  auto result = sample.Apply({SearchReplace{"src/solver.cc", "return task.sise + count;", "x"}});
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == RejectReason::kMissing);
  CHECK(result.error().edit == 0);
  CHECK(Contains(result.error().message, "not found in src/solver.cc"));
  CHECK(Contains(result.error().message, "closest line is 4: return task.size + count_;"));
}

TEST_CASE("ApplyEdits: an ambiguous SEARCH text is rejected with its lines") {
  Sample sample;
  auto result = sample.Apply({SearchReplace{"src/solver.cc", "return 2 * x;", "return x;"}});
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == RejectReason::kAmbiguous);
  CHECK(Contains(result.error().message, "2 times in src/solver.cc (lines 6, 7)"));
}

TEST_CASE("ApplyEdits: paths outside the editable globs are rejected by name") {
  Sample sample;
  for (const Edit& edit : std::vector<Edit>{SearchReplace{"CMakeLists.txt", "CXX", "C CXX"},
                                            AddFile{"tools/new.cc", "int x;\n"},
                                            SearchReplace{"agent.yaml", "sample", "other"}}) {
    auto result = sample.Apply({edit}, kNoParse);
    REQUIRE_FALSE(result);
    CHECK(result.error().reason == RejectReason::kNotEditable);
    CHECK(Contains(result.error().message, "is not editable (editable: src/**)"));
  }
  auto escape = sample.Apply({AddFile{"src/../../x.cc", "int x;\n"}}, kNoParse);
  REQUIRE_FALSE(escape);
  CHECK(escape.error().reason == RejectReason::kInvalid);
}

TEST_CASE("ApplyEdits: overlapping edits are rejected naming both") {
  Sample sample;
  auto result = sample.Apply({SearchReplace{"src/solver.cc", "task.size + count_", "1"},
                              SearchReplace{"src/solver.cc", "count_;\n}", "0;\n}"}},
                             kNoParse);
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == RejectReason::kOverlapping);
  CHECK(result.error().edit == 1);
  CHECK(Contains(result.error().message, "as edit 1"));
  auto inside =
      sample.Apply({ReplaceFunction{"repair::Twice(int)", "int Twice(int x) { return x; }"},
                    SearchReplace{"src/solver.cc", "return 2 * x; }\ndouble", "double"}},
                   kNoParse);
  REQUIRE_FALSE(inside);
  CHECK(inside.error().reason == RejectReason::kOverlapping);
}

TEST_CASE("ApplyEdits: a syntax error comes back as diagnostics naming the line") {
  Sample sample;
  auto result = sample.Apply(
      {SearchReplace{"src/solver.cc", "return task.size + count_;", "return task.size +;"}});
  REQUIRE_FALSE(result);
  CHECK(result.error().reason == RejectReason::kSyntaxError);
  CHECK(result.error().edit == 0);
  CHECK(Contains(result.error().diagnostics, "src/solver.cc:4:"));
  CHECK(Contains(result.error().diagnostics, ": error: expected expression"));
  CHECK(Contains(result.error().Explain(), "does not compile"));
}

TEST_CASE("ApplyEdits: errors the original already had do not reject an edit") {
  auto files = testing::SampleAgent();
  files["src/broken.cc"] = "#include \"missing.h\"\nint f() { return 1; }\n";
  Sample sample(files);
  auto result =
      sample.Apply({SearchReplace{"src/broken.cc", "return 1;", "return 2;"}}, {.format = false});
  REQUIRE(result);
  CHECK(Contains(result->files.at("src/broken.cc"), "return 2;"));
}

TEST_CASE("ApplyEdits: replace a function by qualified name, overloads by parameters") {
  Sample sample;
  auto ambiguous =
      sample.Apply({ReplaceFunction{"repair::Twice", "int Twice(int x) { return x; }"}});
  REQUIRE_FALSE(ambiguous);
  CHECK(ambiguous.error().reason == RejectReason::kAmbiguous);
  CHECK(Contains(ambiguous.error().message, "repair::Twice(double) at src/solver.cc:7"));

  auto missing = sample.Apply({ReplaceFunction{"repair::Solver::Solv", "int f() {}"}});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().reason == RejectReason::kMissing);
  CHECK(Contains(missing.error().message, "the closest is repair::Solver::Solve(const Task&)"));

  auto result = sample.Apply(
      {ReplaceFunction{"repair::Twice(double)", "double Twice(double x) { return x + x; }"},
       ReplaceFunction{"repair::Solver::Solve",
                       "int Solver::Solve(const Task& task) const { return task.size; }"}},
      {.format = false});
  REQUIRE(result);
  const std::string& text = result->files.at("src/solver.cc");
  CHECK(Contains(text, "double Twice(double x) { return x + x; }\n}  // namespace repair"));
  CHECK(Contains(text,
                 "namespace repair {\nint Solver::Solve(const Task& task) const { return "
                 "task.size; }\nint Twice(int x)"));
}

TEST_CASE("ApplyEdits: insert a function after another or at the end of a file") {
  Sample sample;
  auto result =
      sample.Apply({InsertFunction{"", "repair::Twice(int)", "int Thrice(int x) { return 3 * x; }"},
                    InsertFunction{"src/main.cc", "", "int Unused() { return 0; }"}},
                   {.format = false});
  REQUIRE(result);
  CHECK(Contains(
      result->files.at("src/solver.cc"),
      "int Twice(int x) { return 2 * x; }\n\nint Thrice(int x) { return 3 * x; }\ndouble"));
  CHECK(result->files.at("src/main.cc") ==
        std::string(testing::kMainSource) + "\nint Unused() { return 0; }\n");
  auto wrong = sample.Apply({InsertFunction{"src/main.cc", "repair::Twice(int)", "int f();"}});
  REQUIRE_FALSE(wrong);
  CHECK(wrong.error().reason == RejectReason::kInvalid);
}

TEST_CASE("ApplyEdits: add a file, an existing one is rejected") {
  Sample sample;
  auto result =
      sample.Apply({AddFile{"src/util.h", "#pragma once\ninline int One() { return 1; }"}});
  REQUIRE(result);
  CHECK(result->files.at("src/util.h") == "#pragma once\ninline int One() { return 1; }\n");
  auto exists = sample.Apply({AddFile{"src/main.cc", "int main() {}\n"}});
  REQUIRE_FALSE(exists);
  CHECK(exists.error().reason == RejectReason::kInvalid);
  CHECK(Contains(exists.error().message, "src/main.cc already exists"));
  auto broken = sample.Apply({AddFile{"src/extra.cc", "int f( {\n"}});
  REQUIRE_FALSE(broken);
  CHECK(broken.error().reason == RejectReason::kSyntaxError);
  CHECK(Contains(broken.error().diagnostics, "src/extra.cc:1:"));
}

TEST_CASE("ApplyEdits: clang-format touches the changed ranges only") {
  auto files = testing::SampleAgent();
  files["src/ugly.cc"] = "int   keep( ){return 1;}\nint change() { return 2; }\n";
  Sample sample(files);
  auto result = sample.Apply({ReplaceFunction{"change", "int change( ){int  y=3;return y;}"}});
  REQUIRE(result);
  CHECK(result->files.at("src/ugly.cc") ==
        "int   keep( ){return 1;}\nint change() {\n  int y = 3;\n  return y;\n}\n");
}

TEST_CASE("ApplyEdits: an agent's .clang-format sets the style") {
  auto files = testing::SampleAgent();
  files[".clang-format"] = "BasedOnStyle: LLVM\nIndentWidth: 4\n";
  Sample sample(files);
  auto result = sample.Apply({SearchReplace{"src/solver.cc", "int Twice(int x) { return 2 * x; }",
                                            "int Twice(int x) { int y = 2 * x; return y; }"}});
  REQUIRE(result);
  CHECK(Contains(result->files.at("src/solver.cc"),
                 "int Twice(int x) {\n    int y = 2 * x;\n    return y;\n}"));
}

TEST_CASE("Edits round-trip through JSON") {
  std::vector<Edit> edits = {SearchReplace{"a.cc", "x", "y"}, ReplaceFunction{"f", "int f();"},
                             InsertFunction{"a.cc", "g", "void h() {}"}, AddFile{"b.h", "int b;"}};
  for (const Edit& edit : edits) {
    auto back = EditFromJson(EditToJson(edit));
    REQUIRE(back);
    CHECK(EditToJson(*back) == EditToJson(edit));
  }
  auto bad = EditFromJson(nlohmann::json{{"op", "rename"}});
  REQUIRE_FALSE(bad);
  CHECK(Contains(bad.error().message, "unknown edit op \"rename\""));
  CHECK(Describe(edits[1]) == "replace function f");
}
