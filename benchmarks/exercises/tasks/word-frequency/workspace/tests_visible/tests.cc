// Visible tests of the exercise word-frequency (Catch2 v2).
#include <catch2/catch.hpp>

#include "word_frequency.h"

TEST_CASE("counts words") {
  auto top = top_words("the cat and the hat", 2);
  REQUIRE(top.size() == 2);
  CHECK(top[0] == WordCount{"the", 2});
  CHECK(top[1] == WordCount{"and", 1});
}

TEST_CASE("case insensitive") {
  auto top = top_words("Go go GO stop", 5);
  REQUIRE(top.size() == 2);
  CHECK(top[0] == WordCount{"go", 3});
  CHECK(top[1] == WordCount{"stop", 1});
}

TEST_CASE("punctuation separates words") {
  auto top = top_words("red,green;red.blue!", 1);
  REQUIRE(top.size() == 1);
  CHECK(top[0] == WordCount{"red", 2});
}
