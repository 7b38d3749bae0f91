// Visible tests of the exercise semver-compare (Catch2 v2).
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
