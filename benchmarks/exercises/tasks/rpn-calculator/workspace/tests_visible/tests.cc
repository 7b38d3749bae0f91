// Visible tests of the exercise rpn-calculator (Catch2 v2).
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
