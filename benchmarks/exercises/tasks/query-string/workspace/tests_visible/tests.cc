// Visible tests of the exercise query-string (Catch2 v2).
#include <catch2/catch.hpp>

#include "query.h"

TEST_CASE("decode plus and percent") {
  CHECK(url_decode("a+b%21") == "a b!");
}

TEST_CASE("encode reserved characters") {
  CHECK(url_encode("a b&c=d") == "a+b%26c%3Dd");
}

TEST_CASE("parse pairs") {
  Query q = parse_query("?name=Ada+Lovelace&lang=en");
  CHECK(q == Query{{"lang", "en"}, {"name", "Ada Lovelace"}});
}
