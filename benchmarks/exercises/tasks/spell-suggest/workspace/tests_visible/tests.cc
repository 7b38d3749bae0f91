// Visible tests of the exercise spell-suggest (Catch2 v2).
#include <catch2/catch.hpp>

#include "spell.h"

using S = std::vector<std::string>;

TEST_CASE("classic distances") {
  CHECK(edit_distance("kitten", "sitting") == 3);
  CHECK(edit_distance("flaw", "lawn") == 2);
}

TEST_CASE("empty strings") {
  CHECK(edit_distance("", "abc") == 3);
  CHECK(edit_distance("", "") == 0);
}

TEST_CASE("suggestions closest first") {
  S dict = {"hello", "help", "hell", "world", "yellow"};
  CHECK(suggest("helo", dict, 1) == S{"hell", "hello", "help"});
}
