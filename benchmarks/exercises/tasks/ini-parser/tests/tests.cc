// Hidden tests of the exercise ini-parser (Catch2 v2).
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

// Hidden-only cases.

TEST_CASE("keys before any section") {
  Ini ini = parse_ini("name = top\n[s]\nx = 1\n");
  CHECK(ini[""]["name"] == "top");
  CHECK(ini["s"]["x"] == "1");
}

TEST_CASE("values keep inner spaces and equals signs") {
  Ini ini = parse_ini("[db]\nurl =  postgres://u@h/db?a=b  \nempty =\n");
  CHECK(ini["db"]["url"] == "postgres://u@h/db?a=b");
  CHECK(ini["db"]["empty"] == "");
}

TEST_CASE("whitespace around headers and keys") {
  Ini ini = parse_ini("  [  my section ]  \n\t key one \t=\tvalue\t\n");
  CHECK(ini == Ini{{"my section", {{"key one", "value"}}}});
}

TEST_CASE("later values replace earlier ones") {
  Ini ini = parse_ini("[a]\nk = 1\n[b]\nk = 2\n[a]\nk = 3\n");
  CHECK(ini["a"]["k"] == "3");
  CHECK(ini["b"]["k"] == "2");
}

TEST_CASE("crlf line endings and no final newline") {
  Ini ini = parse_ini("[a]\r\nk = v\r\nlast = x");
  CHECK(ini == Ini{{"a", {{"k", "v"}, {"last", "x"}}}});
}

TEST_CASE("empty sections are left out") {
  Ini ini = parse_ini("[empty]\n[full]\nk = v\n");
  CHECK(ini.count("empty") == 0);
  CHECK(ini.size() == 1);
  CHECK(parse_ini("").empty());
}

TEST_CASE("case sensitive") {
  Ini ini = parse_ini("[A]\nKey = 1\nkey = 2\n");
  CHECK(ini["A"].size() == 2);
}

TEST_CASE("bad headers") {
  for (auto [text, line] : {std::pair<const char*, int>{"[a\nk=v\n", 1}, {"k=v\n[]\n", 2},
                            {"\n\n[a] x\n", 3}, {"[ \t ]\n", 1}}) {
    INFO(text);
    try {
      parse_ini(text);
      FAIL("no IniError");
    } catch (const IniError& e) {
      CHECK(e.line() == line);
    }
  }
}

TEST_CASE("empty keys") {
  try {
    parse_ini("[a]\n# c\n = value\n");
    FAIL("no IniError");
  } catch (const IniError& e) {
    CHECK(e.line() == 3);
  }
}
