// Hidden tests of the exercise big-integer (Catch2 v2).
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

// Hidden-only cases.

TEST_CASE("signs in addition") {
  CHECK(big_add("-5", "3") == "-2");
  CHECK(big_add("-5", "-7") == "-12");
  CHECK(big_add("5", "-5") == "0");
  CHECK(big_add("-1000000000000000000000", "1") == "-999999999999999999999");
}

TEST_CASE("subtraction with borrows") {
  CHECK(big_sub("1000000000000000000000000", "1") == "999999999999999999999999");
  CHECK(big_sub("-3", "-10") == "7");
  CHECK(big_sub("0", "0") == "0");
}

TEST_CASE("leading zeros and minus zero") {
  CHECK(big_add("007", "0003") == "10");
  CHECK(big_add("-0", "0") == "0");
  CHECK(big_mul("-0", "5") == "0");
  CHECK(big_sub("000", "-000") == "0");
}

TEST_CASE("multiplication signs and zero") {
  CHECK(big_mul("-12", "12") == "-144");
  CHECK(big_mul("-12", "-12") == "144");
  CHECK(big_mul("0", "123456789123456789") == "0");
}

TEST_CASE("compare equal and negative magnitudes") {
  CHECK(big_compare("-0", "0") == 0);
  CHECK(big_compare("0042", "42") == 0);
  CHECK(big_compare("-100", "-99") == -1);
  CHECK(big_compare("-5", "-50") == 1);
  CHECK(big_compare("123456789012345678901", "123456789012345678900") == 1);
}

TEST_CASE("invalid numbers") {
  CHECK_THROWS_AS(big_add("", "1"), std::invalid_argument);
  CHECK_THROWS_AS(big_add("-", "1"), std::invalid_argument);
  CHECK_THROWS_AS(big_mul("12a", "1"), std::invalid_argument);
  CHECK_THROWS_AS(big_compare("+5", "1"), std::invalid_argument);
  CHECK_THROWS_AS(big_sub("1 ", "1"), std::invalid_argument);
}

TEST_CASE("factorial of 50") {
  std::string f = "1";
  for (int i = 2; i <= 50; ++i) f = big_mul(f, std::to_string(i));
  CHECK(f == "30414093201713378043612608166064768844377641568960512000000000000");
}

TEST_CASE("big squares") {
  std::string nines(2000, '9');
  std::string square = big_mul(nines, nines);
  CHECK(square == std::string(1999, '9') + "8" + std::string(1999, '0') + "1");
  CHECK(big_sub(big_add(nines, "1"), "1") == nines);
}
