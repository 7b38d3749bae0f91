// Visible tests of the exercise csv-records (Catch2 v2).
#include <catch2/catch.hpp>

#include "csv.h"

using R = std::vector<Record>;

TEST_CASE("plain fields") {
  CHECK(parse_csv("a,b,c\n1,2,3\n") == R{{"a", "b", "c"}, {"1", "2", "3"}});
}

TEST_CASE("quoted fields with commas") {
  CHECK(parse_csv("name,city\n\"Smith, J\",Oslo\n") == R{{"name", "city"}, {"Smith, J", "Oslo"}});
}

TEST_CASE("no final newline") {
  CHECK(parse_csv("x,y") == R{{"x", "y"}});
}
