// Hidden tests of the exercise rpn-calculator (Catch2 v2).
#include <catch2/catch.hpp>

#include "rpn.h"

TEST_CASE("addition and multiplication") {
  CHECK(eval_rpn("3 4 +") == 7);
  CHECK(eval_rpn("3 4 + 2 *") == 14);
}

TEST_CASE("operand order") {
  CHECK(eval_rpn("10 3 -") == 7);
  CHECK(eval_rpn("20 5 /") == 4);
}

TEST_CASE("too few operands") {
  CHECK_THROWS_AS(eval_rpn("1 +"), RpnError);
}

// Hidden-only cases.

TEST_CASE("negative numbers") {
  CHECK(eval_rpn("-3 4 *") == -12);
  CHECK(eval_rpn("5 -2 -") == 7);
}

TEST_CASE("division truncates toward zero") {
  CHECK(eval_rpn("7 2 /") == 3);
  CHECK(eval_rpn("-7 2 /") == -3);
}

TEST_CASE("division by zero") {
  CHECK_THROWS_AS(eval_rpn("1 0 /"), RpnError);
}

TEST_CASE("stack words") {
  CHECK(eval_rpn("3 dup *") == 9);
  CHECK(eval_rpn("2 5 swap -") == 3);
  CHECK(eval_rpn("1 2 drop") == 1);
}

TEST_CASE("several spaces between tokens") {
  CHECK(eval_rpn("  1   2  + ") == 3);
}

TEST_CASE("leftover values and empty input") {
  CHECK_THROWS_AS(eval_rpn("1 2"), RpnError);
  CHECK_THROWS_AS(eval_rpn(""), RpnError);
  CHECK_THROWS_AS(eval_rpn("   "), RpnError);
}

TEST_CASE("unknown tokens") {
  CHECK_THROWS_AS(eval_rpn("1 2 %"), RpnError);
  CHECK_THROWS_AS(eval_rpn("1 x +"), RpnError);
  CHECK_THROWS_AS(eval_rpn("1 - 2"), RpnError);
  CHECK_THROWS_AS(eval_rpn("1 2 ++"), RpnError);
}

TEST_CASE("stack words need operands") {
  CHECK_THROWS_AS(eval_rpn("dup"), RpnError);
  CHECK_THROWS_AS(eval_rpn("1 swap"), RpnError);
  CHECK_THROWS_AS(eval_rpn("drop"), RpnError);
}

TEST_CASE("large values") {
  CHECK(eval_rpn("1000000 1000000 *") == 1000000000000LL);
  CHECK(eval_rpn("4000000000 2 *") == 8000000000LL);
}
