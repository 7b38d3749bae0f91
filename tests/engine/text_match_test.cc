#include "engine/mutation/text_match.h"

#include <catch2/catch.hpp>

using namespace clade::mutation;

TEST_CASE("FindText: exact matches are found first, all of them") {
  const std::string text = "int a = 1;\nint b = 1;\n";
  TextMatches one = FindText(text, "int b = 1;");
  REQUIRE(one.spans.size() == 1);
  CHECK_FALSE(one.whitespace_tolerant);
  CHECK(one.spans[0].offset == 11);
  CHECK(one.spans[0].length == 10);
  CHECK(FindText(text, " = 1;").spans.size() == 2);
}

TEST_CASE("FindText: whitespace-tolerant match maps back to the original text") {
  const std::string text = "void f() {\n    if (x)\n        return;\n}\n";
  TextMatches matches = FindText(text, "  if (x)\n  return;\n");
  REQUIRE(matches.spans.size() == 1);
  CHECK(matches.whitespace_tolerant);
  CHECK(text.substr(matches.spans[0].offset, matches.spans[0].length) == "if (x)\n        return;");
  CHECK(FindText(text, "if(x) return;").spans.empty());  // whitespace may differ, not vanish
  CHECK(FindText(text, "   \n ").spans.empty());
}

TEST_CASE("LineOfOffset and FindClosestLine") {
  const std::string text = "int main() {\n  return count_items(list);\n}\n";
  CHECK(LineOfOffset(text, 0) == 1);
  CHECK(LineOfOffset(text, 14) == 2);
  auto closest = FindClosestLine(text, "\n  return count_item(lst);\n");
  REQUIRE(closest);
  CHECK(closest->line == 2);
  CHECK(closest->text == "return count_items(list);");
  CHECK_FALSE(FindClosestLine(text, "  \n"));
}
