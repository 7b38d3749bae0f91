// Hidden tests of the exercise semver-compare (Catch2 v2).
#include <catch2/catch.hpp>

#include "semver.h"

int cmp(const char* a, const char* b) { return compare_versions(parse_version(a), parse_version(b)); }

TEST_CASE("parse a plain version") {
  Version v = parse_version("1.2.3");
  CHECK(v.major == 1);
  CHECK(v.minor == 2);
  CHECK(v.patch == 3);
  CHECK(v.prerelease.empty());
}

TEST_CASE("numeric precedence") {
  CHECK(cmp("1.10.0", "1.9.0") == 1);
  CHECK(cmp("2.0.0", "10.0.0") == -1);
  CHECK(cmp("1.2.3", "1.2.3") == 0);
}

TEST_CASE("prerelease is lower") {
  CHECK(cmp("1.0.0-alpha", "1.0.0") == -1);
}

// Hidden-only cases.

TEST_CASE("the ordering from semver.org") {
  const char* order[] = {"1.0.0-alpha",      "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                         "1.0.0-beta.2",     "1.0.0-beta.11", "1.0.0-rc.1",       "1.0.0"};
  for (int i = 0; i + 1 < 8; ++i) {
    INFO(order[i] << " < " << order[i + 1]);
    CHECK(cmp(order[i], order[i + 1]) == -1);
    CHECK(cmp(order[i + 1], order[i]) == 1);
  }
}

TEST_CASE("build metadata is ignored") {
  CHECK(cmp("1.0.0+a", "1.0.0+b") == 0);
  CHECK(cmp("1.0.0-rc.1+build.5", "1.0.0-rc.1") == 0);
}

TEST_CASE("parse prerelease and build") {
  Version v = parse_version("1.0.0-rc.1+build.001");
  CHECK(v.prerelease == std::vector<std::string>{"rc", "1"});
  CHECK(v.build == std::vector<std::string>{"build", "001"});
}

TEST_CASE("hyphens inside identifiers") {
  Version v = parse_version("1.0.0-x-y-z.--");
  CHECK(v.prerelease == std::vector<std::string>{"x-y-z", "--"});
}

TEST_CASE("round trip to text") {
  for (const char* s : {"0.0.0", "1.2.3-alpha.7+exp.sha.5114f85", "10.20.30-rc-1", "1.0.0+0.build"})
    CHECK(to_string(parse_version(s)) == s);
}

TEST_CASE("leading zeros are rejected") {
  CHECK_THROWS_AS(parse_version("01.2.3"), std::invalid_argument);
  CHECK_THROWS_AS(parse_version("1.02.3"), std::invalid_argument);
  CHECK_THROWS_AS(parse_version("1.2.3-01"), std::invalid_argument);
  CHECK_NOTHROW(parse_version("1.2.3-0a"));
}

TEST_CASE("malformed versions") {
  for (const char* s : {"", "1", "1.2", "1.2.3.4", "1.2.x", "-1.2.3", "1.2.3-", "1.2.3+",
                        "1.2.3-a..b", "1.2.3-a_b", " 1.2.3", "1.2.3 ", "99999999999.0.0"}) {
    INFO(s);
    CHECK_THROWS_AS(parse_version(s), std::invalid_argument);
  }
}

TEST_CASE("numeric identifiers compare numerically and below text") {
  CHECK(cmp("1.0.0-2", "1.0.0-10") == -1);
  CHECK(cmp("1.0.0-999", "1.0.0-a") == -1);
  CHECK(cmp("1.0.0-B", "1.0.0-a") == -1);
}
