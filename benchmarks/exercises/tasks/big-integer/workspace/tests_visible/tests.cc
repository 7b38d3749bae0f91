// Visible tests of the exercise big-integer (Catch2 v2).
#include <catch2/catch.hpp>

#include "bigint.h"

TEST_CASE("add with carries") {
  CHECK(big_add("999", "1") == "1000");
  CHECK(big_add("123456789012345678901234567890", "987654321098765432109876543210") ==
        "1111111110111111111011111111100");
}

TEST_CASE("subtract to a negative") {
  CHECK(big_sub("5", "12") == "-7");
}

TEST_CASE("multiply") {
  CHECK(big_mul("12345678901234567890", "98765432109876543210") ==
        "1219326311370217952237463801111263526900");
}

TEST_CASE("compare") {
  CHECK(big_compare("100", "99") == 1);
  CHECK(big_compare("-100", "99") == -1);
}
