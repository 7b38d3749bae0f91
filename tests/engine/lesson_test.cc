#include "engine/mutation/lesson.h"

#include <catch2/catch.hpp>

using clade::mutation::ChangedCodeOf;
using clade::mutation::Lesson;
using clade::mutation::RenderLessons;
using clade::mutation::SelectLessons;

namespace {

Lesson Made(int variant, int parent, std::optional<double> score, double parent_score,
            std::vector<std::string> files = {}, std::vector<std::string> functions = {},
            std::vector<std::string> failing = {}) {
  Lesson lesson;
  lesson.variant = variant;
  lesson.parent = parent;
  lesson.mutator = "llm";
  lesson.status = score ? "evaluated" : "build_failed";
  lesson.score = score;
  lesson.parent_score = parent_score;
  lesson.files = std::move(files);
  lesson.functions = std::move(functions);
  lesson.failing_tasks = std::move(failing);
  lesson.summary = "llm: change " + std::to_string(variant);
  return lesson;
}

std::vector<int> Ids(const std::vector<const Lesson*>& lessons) {
  std::vector<int> ids;
  for (const Lesson* lesson : lessons) ids.push_back(lesson->variant);
  return ids;
}

}  // namespace

TEST_CASE("ChangedCodeOf: the files of a diff and the functions its changed lines are in") {
  const char* diff =
      "diff --git a/src/a.cc b/src/a.cc\n"
      "--- a/src/a.cc\n+++ b/src/a.cc\n"
      "@@ -3,7 +3,7 @@ static long square(long x) {\n-  return 1;\n+  return 2;\n"
      "@@ -20,4 +20,4 @@ int ns::Parser::Next(int k) const {\n-a\n+b\n"
      "@@ -40,2 +40,2 @@   if (ready) {\n-a\n+b\n"
      "@@ -50,2 +50,2 @@\n-a\n+b\n"
      "@@ -60,4 +60,5 @@ #include <x>\n int Later(int k) {\n-  return k;\n+  return k + 1;\n"
      " }\n+long Fresh(long k) {\n"
      "diff --git a/src/gone.h b/src/gone.h\n--- a/src/gone.h\n+++ /dev/null\n"
      "@@ -1 +0,0 @@\n-x\n"
      "diff --git a/src/new.h b/src/new.h\n--- /dev/null\n+++ b/src/new.h\n";
  clade::mutation::ChangedCode changed = ChangedCodeOf(diff);
  CHECK(changed.files == std::vector<std::string>{"src/a.cc", "src/gone.h", "src/new.h"});
  // `if (` is no function; a hunk without context names none; a definition line above a
  // change in the hunk wins over git's header, and a new definition names itself.
  CHECK(changed.functions ==
        std::vector<std::string>{"Fresh", "Later", "ns::Parser::Next", "square"});
}

TEST_CASE("Lesson: outcome against the parent, and JSON that reads back the same") {
  Lesson better = Made(4, 1, 0.8, 0.75, {"src/a.cc"}, {"Repair"}, {"t2"});
  better.model = "m1";
  better.diagnosis = "line one\nline two";
  CHECK(better.Improved());
  CHECK(better.Outcome() == "improved 0.750 -> 0.800 (+0.050)");
  CHECK(better.Line() == "#4 from #1 (llm, m1): improved 0.750 -> 0.800 (+0.050): llm: change 4");
  CHECK(better.Text() ==
        "- #4 from #1 (llm, m1): improved 0.750 -> 0.800 (+0.050): llm: change 4\n"
        "  files: src/a.cc\n  functions: Repair\n  failing tasks: t2\n  why: line one\n");
  auto back = Lesson::FromJson(better.ToJson());
  REQUIRE(back);
  CHECK(back->ToJson() == better.ToJson());

  Lesson broken = Made(5, 1, std::nullopt, 0.75);
  CHECK_FALSE(broken.Improved());
  CHECK(broken.Outcome() == "build_failed");
  CHECK(Made(6, 1, 0.75, 0.75).Outcome() == "no better 0.750 -> 0.750 (+0.000)");
  CHECK(Made(7, 1, 0.5, 0.75).Outcome() == "worse 0.750 -> 0.500 (-0.250)");
  CHECK_FALSE(Lesson::FromJson(nlohmann::json::array()));
  CHECK_FALSE(Lesson::FromJson({{"variant", "7"}}));
}

TEST_CASE("SelectLessons: what the prompt names first, then recent failures, at most k") {
  std::vector<Lesson> lessons = {
      Made(1, 0, 0.9, 0.5, {"src/localize.cc"}),               // improved, named by file
      Made(2, 0, 0.4, 0.5, {"src/other.cc"}),                  // failure, same parent 0
      Made(3, 1, std::nullopt, 0.9, {"src/x.cc"}, {"Rank"}),   // failure, named by function
      Made(4, 1, 0.95, 0.9, {"src/y.cc"}),                     // improved, unrelated
      Made(5, 1, 0.2, 0.9, {"src/z.cc"}, {}, {"parse-int"}),   // failure, named by task
      Made(6, 3, 0.1, 0.9, {"src/w.cc"}),                      // failure, unrelated
  };
  std::string proposal = "Change ns::Rank in localize.cc so parse-int passes.";
  // Named: 1 (file), 3 (function), 5 (task); ties go to the newer. Then failures: 6, 2.
  CHECK(Ids(SelectLessons(lessons, {9, proposal}, 10)) == std::vector<int>{5, 3, 1, 6, 2});
  CHECK(Ids(SelectLessons(lessons, {9, proposal}, 2)) == std::vector<int>{5, 3});
  // A sibling (same parent) counts as relevant; with two mentions a lesson ranks first.
  CHECK(Ids(SelectLessons(lessons, {0, "localize.cc"}, 3)) == std::vector<int>{1, 2, 6});
  CHECK(SelectLessons(lessons, {0, proposal}, 0).empty());
  CHECK(RenderLessons({}).empty());
  std::string section = RenderLessons(SelectLessons(lessons, {9, ""}, 1));
  CHECK(section.rfind("## Lessons from earlier children", 0) == 0);
  CHECK(section.find("#6 from #3") != std::string::npos);
}
