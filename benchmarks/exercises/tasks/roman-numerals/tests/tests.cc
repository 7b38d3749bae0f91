// Hidden tests of the exercise roman-numerals (Catch2 v2).
#include <catch2/catch.hpp>

#include "roman.h"

TEST_CASE("small numbers to roman") {
  CHECK(to_roman(1) == "I");
  CHECK(to_roman(3) == "III");
  CHECK(to_roman(4) == "IV");
  CHECK(to_roman(9) == "IX");
}

TEST_CASE("years to roman") {
  CHECK(to_roman(1994) == "MCMXCIV");
  CHECK(to_roman(2024) == "MMXXIV");
}

TEST_CASE("roman to numbers") {
  CHECK(from_roman("XLII") == 42);
  CHECK(from_roman("MCMXCIV") == 1994);
}

// Hidden-only cases.

TEST_CASE("every subtractive pair") {
  CHECK(to_roman(40) == "XL");
  CHECK(to_roman(90) == "XC");
  CHECK(to_roman(400) == "CD");
  CHECK(to_roman(900) == "CM");
  CHECK(to_roman(3999) == "MMMCMXCIX");
}

TEST_CASE("to_roman rejects out of range") {
  CHECK_THROWS_AS(to_roman(0), std::out_of_range);
  CHECK_THROWS_AS(to_roman(4000), std::out_of_range);
  CHECK_THROWS_AS(to_roman(-5), std::out_of_range);
}

TEST_CASE("round trip of all numbers") {
  for (int n = 1; n <= 3999; ++n) {
    INFO("n = " << n);
    REQUIRE(from_roman(to_roman(n)) == n);
  }
}

TEST_CASE("from_roman rejects unknown letters and empty input") {
  CHECK_THROWS_AS(from_roman(""), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("ABC"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("xiv"), std::invalid_argument);
}

TEST_CASE("from_roman rejects too many repeats") {
  CHECK_THROWS_AS(from_roman("IIII"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("VV"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("MMMM"), std::invalid_argument);
}

TEST_CASE("from_roman rejects non-standard subtraction") {
  CHECK_THROWS_AS(from_roman("IL"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("IC"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("VX"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("IIV"), std::invalid_argument);
  CHECK_THROWS_AS(from_roman("XM"), std::invalid_argument);
}

TEST_CASE("largest values") {
  CHECK(from_roman("MMMCMXCIX") == 3999);
  CHECK(from_roman("MMM") == 3000);
  CHECK(from_roman("CDXLIV") == 444);
}
