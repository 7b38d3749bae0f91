// Visible tests of the exercise roman-numerals (Catch2 v2).
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
