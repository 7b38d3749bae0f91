// Visible tests of the exercise run-length (Catch2 v2).
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
