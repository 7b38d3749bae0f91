// Visible tests of the exercise ini-parser (Catch2 v2).
#include <catch2/catch.hpp>

#include "ini.h"

TEST_CASE("sections and keys") {
  Ini ini = parse_ini("[server]\nhost = example.org\nport = 8080\n[client]\nretries=3\n");
  CHECK(ini["server"]["host"] == "example.org");
  CHECK(ini["server"]["port"] == "8080");
  CHECK(ini["client"]["retries"] == "3");
  CHECK(ini.size() == 2);
}

TEST_CASE("comments and blank lines") {
  Ini ini = parse_ini("; comment\n\n# another\n[a]\nk = v\n");
  CHECK(ini == Ini{{"a", {{"k", "v"}}}});
}

TEST_CASE("malformed line names its number") {
  try {
    parse_ini("[a]\nk = v\njunk\n");
    FAIL("no IniError");
  } catch (const IniError& e) {
    CHECK(e.line() == 3);
  }
}
