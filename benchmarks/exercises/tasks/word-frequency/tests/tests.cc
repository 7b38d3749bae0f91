// Hidden tests of the exercise word-frequency (Catch2 v2).
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

// Hidden-only cases.

TEST_CASE("ties are alphabetical") {
  auto top = top_words("b a c b a c d", 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0] == WordCount{"a", 2});
  CHECK(top[1] == WordCount{"b", 2});
  CHECK(top[2] == WordCount{"c", 2});
}

TEST_CASE("apostrophes inside words") {
  auto top = top_words("Don't stop, don't STOP. Dont", 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0] == WordCount{"don't", 2});
  CHECK(top[1] == WordCount{"stop", 2});
  CHECK(top[2] == WordCount{"dont", 1});
}

TEST_CASE("apostrophes at word edges are dropped") {
  auto top = top_words("'tis the dogs' bone, 'quoted'", 10);
  REQUIRE(top.size() == 5);
  CHECK(top[0] == WordCount{"bone", 1});
  CHECK(top[1] == WordCount{"dogs", 1});
  CHECK(top[2] == WordCount{"quoted", 1});
  CHECK(top[3] == WordCount{"the", 1});
  CHECK(top[4] == WordCount{"tis", 1});
}

TEST_CASE("k larger than the number of words") {
  CHECK(top_words("one two", 10).size() == 2);
}

TEST_CASE("k zero and empty text") {
  CHECK(top_words("a b c", 0).empty());
  CHECK(top_words("", 3).empty());
  CHECK(top_words(" ,;- '' ", 3).empty());
}

TEST_CASE("digits are word characters") {
  auto top = top_words("route 66, route 66 and route66", 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0] == WordCount{"66", 2});
  CHECK(top[1] == WordCount{"route", 2});
  CHECK(top[2] == WordCount{"and", 1});
}

TEST_CASE("a longer text") {
  std::string text;
  for (int i = 0; i < 1000; ++i) text += (i % 3 == 0 ? "alpha " : i % 3 == 1 ? "Beta\n" : "gamma\t");
  text += "beta";
  auto top = top_words(text, 3);
  REQUIRE(top.size() == 3);
  CHECK(top[0] == WordCount{"alpha", 334});
  CHECK(top[1] == WordCount{"beta", 334});
  CHECK(top[2] == WordCount{"gamma", 333});
}
