// Hidden tests of the exercise expression-eval (Catch2 v2).
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

// Hidden-only cases.

#include <cmath>

TEST_CASE("power is right associative") {
  CHECK(evaluate("2 ^ 3 ^ 2") == Approx(512));
  CHECK(evaluate("(2 ^ 3) ^ 2") == Approx(64));
}

TEST_CASE("unary minus and power") {
  CHECK(evaluate("-2 ^ 2") == Approx(-4));
  CHECK(evaluate("(-2) ^ 2") == Approx(4));
  CHECK(evaluate("2 ^ -1") == Approx(0.5));
}

TEST_CASE("unary operators") {
  CHECK(evaluate("-3 + 5") == Approx(2));
  CHECK(evaluate("--3") == Approx(3));
  CHECK(evaluate("+4 * -2") == Approx(-8));
  CHECK(evaluate("2 * -(1 + 2)") == Approx(-6));
}

TEST_CASE("number forms") {
  CHECK(evaluate(".5 + 10.") == Approx(10.5));
  CHECK(evaluate("007") == Approx(7));
}

TEST_CASE("nested parentheses and no spaces") {
  CHECK(evaluate("((1+2)*(3+4))/7") == Approx(3));
  CHECK(evaluate("1+2*3^2-4/2") == Approx(17));
}

TEST_CASE("division by zero gives infinity") {
  CHECK(std::isinf(evaluate("1 / 0")));
}

TEST_CASE("empty and unbalanced input") {
  CHECK_THROWS_AS(evaluate(""), ParseError);
  CHECK_THROWS_AS(evaluate("  "), ParseError);
  CHECK_THROWS_AS(evaluate("(1 + 2"), ParseError);
  CHECK_THROWS_AS(evaluate("1 + 2)"), ParseError);
  CHECK_THROWS_AS(evaluate("()"), ParseError);
}

TEST_CASE("bad tokens") {
  CHECK_THROWS_AS(evaluate("1 2"), ParseError);
  CHECK_THROWS_AS(evaluate("1.2.3"), ParseError);
  CHECK_THROWS_AS(evaluate("2 x 3"), ParseError);
  CHECK_THROWS_AS(evaluate("."), ParseError);
  CHECK_THROWS_AS(evaluate("* 2"), ParseError);
}
