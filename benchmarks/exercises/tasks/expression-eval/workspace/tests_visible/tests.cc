// Visible tests of the exercise expression-eval (Catch2 v2).
#include <catch2/catch.hpp>

#include "expression.h"

TEST_CASE("precedence of multiplication") {
  CHECK(evaluate("1 + 2 * 3") == Approx(7));
  CHECK(evaluate("(1 + 2) * 3") == Approx(9));
}

TEST_CASE("left associativity") {
  CHECK(evaluate("10 - 4 - 3") == Approx(3));
  CHECK(evaluate("8 / 4 / 2") == Approx(1));
}

TEST_CASE("decimals") {
  CHECK(evaluate("2.5 * 4") == Approx(10));
}

TEST_CASE("malformed input throws") {
  CHECK_THROWS_AS(evaluate("1 +"), ParseError);
}
