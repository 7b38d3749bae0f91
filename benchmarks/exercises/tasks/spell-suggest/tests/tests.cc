// Hidden tests of the exercise spell-suggest (Catch2 v2).
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

// Hidden-only cases.

TEST_CASE("distance is symmetric") {
  CHECK(edit_distance("sitting", "kitten") == 3);
  CHECK(edit_distance("abc", "") == 3);
}

TEST_CASE("case and bytes matter") {
  CHECK(edit_distance("Apple", "apple") == 1);
  CHECK(edit_distance(std::string_view("a\0b", 3), "ab") == 1);
}

TEST_CASE("transposition costs two") {
  CHECK(edit_distance("ab", "ba") == 2);
}

TEST_CASE("completely different strings") {
  CHECK(edit_distance("abc", "xyz") == 3);
  CHECK(edit_distance("short", "a much longer string") == 16);
}

TEST_CASE("exact word wins") {
  S dict = {"cat", "cart", "cut"};
  CHECK(suggest("cat", dict, 2) == S{"cat"});
}

TEST_CASE("duplicates and ordering") {
  S dict = {"bat", "cot", "bat", "at", "cats", "dog"};
  CHECK(suggest("cat", dict, 1) == S{"at", "bat", "cats", "cot"});
  CHECK(suggest("cat", dict, 0).empty());
}

TEST_CASE("distance groups") {
  S dict = {"abcd", "abce", "abxx", "xxxx"};
  CHECK(suggest("abc", dict, 2) == S{"abcd", "abce", "abxx"});
}

TEST_CASE("negative max distance") {
  CHECK_THROWS_AS(suggest("a", {"a"}, -1), std::invalid_argument);
}

TEST_CASE("long strings") {
  std::string a(3000, 'a'), b(3000, 'a');
  for (int i = 0; i < 3000; i += 10) b[i] = 'b';
  CHECK(edit_distance(a, b) == 300);
  CHECK(edit_distance(a, a.substr(0, 2500)) == 500);
}
