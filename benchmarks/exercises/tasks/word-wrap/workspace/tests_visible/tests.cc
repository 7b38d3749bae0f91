// Visible tests of the exercise word-wrap (Catch2 v2).
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
