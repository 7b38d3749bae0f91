#include "support/error.h"

#include <catch2/catch.hpp>

namespace clade {
namespace {

Result<int> Half(int n) {
  if (n % 2 != 0) return FailAs(ErrorKind::kUsage, "{} is odd", n);
  return n / 2;
}

Result<int> Quarter(int n) {
  int half = CLADE_TRY(Half(n));
  return CLADE_TRY(Half(half));
}

}  // namespace

TEST_CASE("CLADE_TRY propagates the first error unchanged") {
  CHECK(Quarter(8).value() == 2);
  auto result = Quarter(6);
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::kUsage);
  CHECK(result.error().message == "3 is odd");
}

TEST_CASE("OrThrow maps usage errors to UsageError and others to Fatal") {
  CHECK_THROWS_AS(OrThrow(Half(3)), UsageError);
  CHECK_THROWS_AS(OrThrow(Result<int>(Fail("boom"))), Fatal);
  CHECK(OrThrow(Half(4)) == 2);
}

}  // namespace clade
