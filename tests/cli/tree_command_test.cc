#include "engine/cli/tree_command.h"

#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "support/strings.h"

namespace clade::cli {
namespace {

Variant V(VariantId id, std::vector<VariantId> parents, std::string summary, bool pruned = false) {
  Variant variant;
  variant.id = id;
  variant.commit = std::string(40, static_cast<char>('a' + id % 6));
  variant.parents = std::move(parents);
  variant.summary = std::move(summary);
  variant.pruned = pruned;
  return variant;
}

// The lineage of cli_test::Lineage, built by hand.
ArchiveView Example() {
  return MakeArchiveView({V(0, {}, "seed"), V(1, {0}, "one"), V(2, {0}, "two", true),
                          V(3, {1}, "three"), V(4, {3, 2}, "cross")},
                         {{EvalStatus::kEvaluated, 0.25},
                          {EvalStatus::kEvaluated, 0.5},
                          {EvalStatus::kBuildFailed, 0.0},
                          {EvalStatus::kEvaluated, 0.75},
                          {}},
                         "repair");
}

TEST_CASE("RenderTreeText draws children under their first parent with box drawing") {
  CHECK(RenderTreeText(Example()) ==
        "0  0.250  seed\n"
        "├── 1  0.500  one\n"
        "│   └── 3  0.750  three  ★ best\n"
        "│       └── 4  -  cross  (crossover, also from 2)\n"
        "└── 2  ✗ build_failed  two  [pruned]\n");
}

TEST_CASE("RenderTreeText marks a score over the tasks a stopped child ran") {
  ArchiveView view = MakeArchiveView(
      {V(0, {}, "seed"), V(1, {0}, "gated")},
      {{EvalStatus::kEvaluated, 0.75}, {EvalStatus::kBelowThreshold, 0.25}}, "repair");
  CHECK(RenderTreeText(view) ==
        "0  0.750  seed  ★ best\n"
        "└── 1  0.250 (stopped early)  gated\n");
}

TEST_CASE("RenderTreeText --ascii uses ASCII connectors and FAILED") {
  CHECK(RenderTreeText(Example(), TreeStyle{true}) ==
        "0  0.250  seed\n"
        "|-- 1  0.500  one\n"
        "|   `-- 3  0.750  three  * best\n"
        "|       `-- 4  -  cross  (crossover, also from 2)\n"
        "`-- 2  FAILED build_failed  two  [pruned]\n");
}

TEST_CASE("RenderTreeText handles a lineage deeper than any call stack, lines kept short") {
  std::vector<Variant> chain;
  for (int i = 0; i < 20000; ++i) {
    chain.push_back(V(i, i ? std::vector{i - 1} : std::vector<int>{}, "x"));
  }
  std::string text = RenderTreeText(MakeArchiveView(std::move(chain), {}, std::nullopt));
  auto lines = Split(text, '\n');
  REQUIRE(lines.size() == 20001);
  CHECK(lines[2] == "    └── 2  -  x");
  // Depth 19999: 19967 levels left out, 31 drawn, then the connector.
  std::string deepest = "+19967 ";
  for (int k = 0; k < 31; ++k) deepest += "    ";
  CHECK(lines[19999] == deepest + "└── 19999  -  x");
}

TEST_CASE("RenderTreeText keeps sibling lines open below a hidden depth") {
  std::vector<Variant> variants;
  for (int i = 0; i < 40; ++i) {
    variants.push_back(V(i, i ? std::vector{i - 1} : std::vector<int>{}, "x"));
  }
  variants.push_back(V(40, {38}, "y"));  // a sibling of 39 at depth 39
  auto lines = Split(RenderTreeText(MakeArchiveView(std::move(variants), {}, std::nullopt)), '\n');
  REQUIRE(lines.size() == 42);
  CHECK(lines[39].rfind("+7 ", 0) == 0);
  CHECK(lines[39].find("├── 39  -  x") != std::string::npos);
  CHECK(lines[40].find("└── 40  -  y") != std::string::npos);
  CHECK(lines[40].size() == lines[39].size());
}

TEST_CASE("RenderTreeDot labels nodes with id and score and styles failed ones") {
  std::string dot = RenderTreeDot(Example());
  CHECK(dot.rfind("digraph clade {\n", 0) == 0);
  CHECK(dot.find("v3 [label=\"3\\n0.750\"") != std::string::npos);
  CHECK(dot.find("v2 [label=\"2\\n✗ build_failed\", tooltip=\"two\", "
                 "style=\"rounded,filled,dashed\", fillcolor=") != std::string::npos);
  CHECK(dot.find("penwidth") != std::string::npos);
  CHECK(dot.find("  v3 -> v4;\n") != std::string::npos);
  CHECK(dot.find("  v2 -> v4 [style=dashed];\n") != std::string::npos);
  CHECK(dot.substr(dot.size() - 2) == "}\n");
}

TEST_CASE("RenderTreeDot escapes quotes in summaries") {
  ArchiveView view = MakeArchiveView({V(0, {}, "say \"hi\" \\ bye")}, {}, std::nullopt);
  CHECK(RenderTreeDot(view).find("tooltip=\"say \\\"hi\\\" \\\\ bye\"") != std::string::npos);
}

}  // namespace
}  // namespace clade::cli

namespace clade::cli_test {
namespace {

TEST_CASE("clade tree draws the archive's lineage with scores and failures") {
  Lineage w;
  Run run = w.On({"tree"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out ==
        "0  0.250  the seed agent\n"
        "├── 1  0.500  return one\n"
        "│   └── 3  0.750  return three  ★ best\n"
        "│       └── 4  -  cross three and two  (crossover, also from 2)\n"
        "└── 2  ✗ build_failed  break it\n");
}

TEST_CASE("clade tree --json lists every variant with ids, parents, status and score") {
  Lineage w;
  nlohmann::json list = Json(w.On({"tree", "--json"}));
  REQUIRE(list.size() == 5);
  CHECK(list[0]["children"] == nlohmann::json::array({1, 2}));
  CHECK(list[2]["status"] == "build_failed");
  CHECK(list[3]["score"] == 0.75);
  CHECK(list[3]["best"] == true);
  CHECK(list[4]["parents"] == nlohmann::json::array({3, 2}));
  CHECK(list[4]["score"].is_null());
  CHECK(list[4]["status"] == "not_evaluated");
  Run commit = Git({"--git-dir=" + w.archive().string(), "rev-parse", "refs/clade/variants/4"});
  CHECK(list[4]["commit"] == Trim(commit.out));
  CHECK(Json(w.On({"tree", "--format", "json"})) == list);
}

TEST_CASE("clade tree --format dot emits a digraph with an edge per parent") {
  Lineage w;
  Run run = w.On({"tree", "--format", "dot"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.rfind("digraph clade {", 0) == 0);
  CHECK(run.out.find("v0 -> v1;") != std::string::npos);
  CHECK(run.out.find("v2 -> v4 [style=dashed];") != std::string::npos);
  CHECK(run.out.find("fillcolor") != std::string::npos);
}

TEST_CASE("clade tree rejects an unknown format as a usage error") {
  Lineage w;
  Run run = w.On({"tree", "--format", "xml"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("xml") != std::string::npos);
}

TEST_CASE("clade tree --benchmark shows another benchmark's scores") {
  Lineage w;
  w.Record(4, "other", {{"status", "evaluated"}, {"score", 1.0}});
  Run run = w.On({"tree", "--benchmark", "other"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("4  1.000  cross three and two") != std::string::npos);
  CHECK(run.out.find("0  -  the seed agent") != std::string::npos);
}

}  // namespace
}  // namespace clade::cli_test
