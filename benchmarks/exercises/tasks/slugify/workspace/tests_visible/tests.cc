// Visible tests of the exercise slugify (Catch2 v2).
#include <catch2/catch.hpp>

#include "slugify.h"

TEST_CASE("words are lowercased and joined by dashes") {
  CHECK(slugify("Hello World") == "hello-world");
  CHECK(slugify("C Plus Plus") == "c-plus-plus");
}

TEST_CASE("punctuation runs become one dash") {
  CHECK(slugify("Hello, World!") == "hello-world");
  CHECK(slugify("a -- b") == "a-b");
}

TEST_CASE("apostrophes are dropped") {
  CHECK(slugify("Don't Panic") == "dont-panic");
}
