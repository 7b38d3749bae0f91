// Hidden tests of the exercise run-length (Catch2 v2).
#include <catch2/catch.hpp>

#include "rle.h"

TEST_CASE("encode runs") {
  CHECK(rle_encode("AAAB") == "3AB");
  CHECK(rle_encode("WWWWWWWWWWWWBWWWWWWWWWWWWBBB") == "12WB12W3B");
}

TEST_CASE("decode runs") {
  CHECK(rle_decode("3AB") == "AAAB");
  CHECK(rle_decode("2a3b") == "aabbb");
}

TEST_CASE("empty strings") {
  CHECK(rle_encode("") == "");
  CHECK(rle_decode("") == "");
}

// Hidden-only cases.

TEST_CASE("single characters stay single") {
  CHECK(rle_encode("ABC") == "ABC");
  CHECK(rle_decode("ABC") == "ABC");
}

TEST_CASE("spaces and punctuation are characters") {
  CHECK(rle_encode("  hello   !!") == "2 he2lo3 2!");
  CHECK(rle_decode("2 he2lo3 2!") == "  hello   !!");
}

TEST_CASE("multi-digit counts") {
  CHECK(rle_encode(std::string(123, 'x')) == "123x");
  CHECK(rle_decode("100y") == std::string(100, 'y'));
  CHECK(rle_decode("10a2b") == "aaaaaaaaaabb");
}

TEST_CASE("encode rejects digits") {
  CHECK_THROWS_AS(rle_encode("abc1"), std::invalid_argument);
  CHECK_THROWS_AS(rle_encode("9"), std::invalid_argument);
}

TEST_CASE("decode rejects a trailing count") {
  CHECK_THROWS_AS(rle_decode("3A4"), std::invalid_argument);
  CHECK_THROWS_AS(rle_decode("7"), std::invalid_argument);
}

TEST_CASE("decode rejects a count starting with zero") {
  CHECK_THROWS_AS(rle_decode("0a"), std::invalid_argument);
  CHECK_THROWS_AS(rle_decode("a05b"), std::invalid_argument);
}

TEST_CASE("round trip") {
  for (std::string s : {"a", "aa", "abba", "zzzzzzzzzzzzzzzzzzzzzzzzzzz.", "x y  z   "})
    CHECK(rle_decode(rle_encode(s)) == s);
}
