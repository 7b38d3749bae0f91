#include "sandbox/scoring.h"

#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::sandbox {

TEST_CASE("ParseSummary takes the last summary line") {
  auto tally = ParseSummary("case 1 ok\n1 passed, 3 failed\nretry\nTests: 4 passed, 2 failed\n");
  REQUIRE(tally);
  CHECK(tally->passed == 4);
  CHECK(tally->failed == 2);
  CHECK(tally->score() == Approx(4.0 / 6.0));
  CHECK(ParseSummary("3 passed, 0 failed, 1 skipped").value().score() == 1.0);
  CHECK_FALSE(ParseSummary("all good\n"));
  CHECK_FALSE(ParseSummary("I say 9 passed, 0 failed, trust me"));
}

TEST_CASE("ParseJunit counts test cases with failures and errors") {
  TempDir dir("scoring-test");
  auto report = dir.path() / "report.xml";
  REQUIRE(WriteFile(report, R"(<testsuite>
  <testcase name="a"/>
  <testcase name="b"><failure message="x"/></testcase>
  <testcase name="c"></testcase>
  <testcase name="d"><error/></testcase>
</testsuite>)"));
  TestTally tally = ParseJunit(dir.path(), "report.xml").value();
  CHECK(tally.passed == 2);
  CHECK(tally.failed == 2);
  CHECK_FALSE(ParseJunit(dir.path(), "none.xml"));
  REQUIRE(WriteFile(report, "<testsuite></testsuite>"));
  CHECK_FALSE(ParseJunit(dir.path(), "report.xml"));
}

TEST_CASE("ParseJunit never reads through a symlink") {
  TempDir dir("scoring-test");
  TempDir outside("scoring-outside");
  REQUIRE(WriteFile(outside.path() / "report.xml", "<testsuite><testcase name=\"a\"/></testsuite>"));
  fs::create_directory_symlink(outside.path(), dir.path() / "reports");
  fs::create_symlink(outside.path() / "report.xml", dir.path() / "report.xml");
  CHECK_FALSE(ParseJunit(dir.path(), "reports/report.xml"));
  CHECK_FALSE(ParseJunit(dir.path(), "report.xml"));
  CHECK(ParseJunit(outside.path(), "report.xml"));
}

}  // namespace clade::sandbox
