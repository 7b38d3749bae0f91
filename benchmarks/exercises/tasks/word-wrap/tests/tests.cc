// Hidden tests of the exercise word-wrap (Catch2 v2).
#include <catch2/catch.hpp>

#include "wrap.h"

using S = std::vector<std::string>;

TEST_CASE("fills lines greedily") {
  CHECK(wrap_text("the quick brown fox jumps over the lazy dog", 10) ==
        S{"the quick", "brown fox", "jumps over", "the lazy", "dog"});
}

TEST_CASE("extra spaces are collapsed") {
  CHECK(wrap_text("  a   b  ", 10) == S{"a b"});
}

TEST_CASE("paragraphs") {
  CHECK(wrap_text("one two\n\nthree", 20) == S{"one two", "", "three"});
}

// Hidden-only cases.

TEST_CASE("exact fit") {
  CHECK(wrap_text("abc def", 7) == S{"abc def"});
  CHECK(wrap_text("abc def", 6) == S{"abc", "def"});
}

TEST_CASE("single newlines are spaces") {
  CHECK(wrap_text("a\nb\nc", 5) == S{"a b c"});
}

TEST_CASE("several blank lines make one separator") {
  CHECK(wrap_text("a\n\n\n\nb\n \n c\n\n", 5) == S{"a", "", "b", "", "c"});
}

TEST_CASE("leading blank lines start no paragraph") {
  CHECK(wrap_text("\n\n\nfirst", 10) == S{"first"});
}

TEST_CASE("long words are split") {
  CHECK(wrap_text("abcdefghij", 4) == S{"abcd", "efgh", "ij"});
  CHECK(wrap_text("x abcdefghij y", 4) == S{"x", "abcd", "efgh", "ij y"});
}

TEST_CASE("width one") {
  CHECK(wrap_text("ab c", 1) == S{"a", "b", "c"});
}

TEST_CASE("no words") {
  CHECK(wrap_text("", 10).empty());
  CHECK(wrap_text(" \n\n  \n", 10).empty());
}

TEST_CASE("bad width") {
  CHECK_THROWS_AS(wrap_text("a", 0), std::invalid_argument);
  CHECK_THROWS_AS(wrap_text("a", -3), std::invalid_argument);
}

TEST_CASE("no line is longer than the width") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += std::string(1 + i % 13, 'a' + i % 26) + (i % 40 == 39 ? "\n\n" : " ");
  for (int width : {5, 12, 40}) {
    auto lines = wrap_text(text, width);
    std::size_t letters = 0, blanks = 0;
    for (const auto& line : lines) {
      REQUIRE(line.size() <= static_cast<std::size_t>(width));
      for (char c : line) letters += c != ' ';
      blanks += line.empty();
    }
    CHECK(blanks == 7);
    CHECK(letters == 2094);  // the sum of 1 + i % 13
  }
}
