// Visible tests of the exercise task-order (Catch2 v2).
#include <catch2/catch.hpp>

#include "task_order.h"

using S = std::vector<std::string>;

TEST_CASE("a chain") {
  CHECK(task_order({{"b", "a"}, {"c", "b"}}) == S{"a", "b", "c"});
}

TEST_CASE("alphabetical among ready tasks") {
  CHECK(task_order({{"deploy", "build"}, {"deploy", "test"}, {"test", "build"}, {"docs", "build"}}) ==
        S{"build", "docs", "test", "deploy"});
}

TEST_CASE("a cycle is reported") {
  CHECK_THROWS_AS(task_order({{"a", "b"}, {"b", "a"}}), CycleError);
}
