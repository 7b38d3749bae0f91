// Hidden tests of the exercise calendar-date (Catch2 v2).
#include <catch2/catch.hpp>

#include "date.h"

TEST_CASE("parse and format") {
  Date d = parse_date("2024-03-15");
  CHECK(d == Date{2024, 3, 15});
  CHECK(format_date(Date{2024, 3, 5}) == "2024-03-05");
}

TEST_CASE("days between dates") {
  CHECK(days_between(Date{2024, 1, 1}, Date{2024, 3, 1}) == 60);
  CHECK(days_between(Date{2023, 1, 1}, Date{2023, 3, 1}) == 59);
}

TEST_CASE("day of week") {
  CHECK(day_of_week(Date{2024, 1, 1}) == 0);
  CHECK(day_of_week(Date{2024, 3, 17}) == 6);
}

// Hidden-only cases.

TEST_CASE("leap years") {
  CHECK(is_valid(Date{2000, 2, 29}));
  CHECK_FALSE(is_valid(Date{1900, 2, 29}));
  CHECK(is_valid(Date{2024, 2, 29}));
  CHECK_FALSE(is_valid(Date{2023, 2, 29}));
}

TEST_CASE("invalid dates") {
  CHECK_FALSE(is_valid(Date{2024, 4, 31}));
  CHECK_FALSE(is_valid(Date{2024, 13, 1}));
  CHECK_FALSE(is_valid(Date{0, 1, 1}));
  CHECK_FALSE(is_valid(Date{2024, 1, 0}));
  CHECK(is_valid(Date{9999, 12, 31}));
}

TEST_CASE("bad text is rejected") {
  for (const char* s : {"2024-3-15", "2024/03/15", "24-03-15", "2024-02-30", "2024-03-15x",
                        "abcd-ef-gh", "", "0000-01-01"}) {
    INFO(s);
    CHECK_THROWS_AS(parse_date(s), std::invalid_argument);
  }
}

TEST_CASE("negative differences") {
  CHECK(days_between(Date{2024, 3, 1}, Date{2024, 2, 28}) == -2);
}

TEST_CASE("long spans") {
  CHECK(days_between(Date{1, 1, 1}, Date{9999, 12, 31}) == 3652058);
  CHECK(days_between(Date{1970, 1, 1}, Date{2000, 1, 1}) == 10957);
}

TEST_CASE("add days across months and years") {
  CHECK(add_days(Date{2023, 12, 31}, 1) == Date{2024, 1, 1});
  CHECK(add_days(Date{2024, 2, 28}, 1) == Date{2024, 2, 29});
  CHECK(add_days(Date{2024, 3, 1}, -1) == Date{2024, 2, 29});
  CHECK(add_days(Date{2000, 1, 1}, 10000) == Date{2027, 5, 19});
}

TEST_CASE("add days out of range") {
  CHECK_THROWS_AS(add_days(Date{1, 1, 1}, -1), std::out_of_range);
  CHECK_THROWS_AS(add_days(Date{9999, 12, 31}, 1), std::out_of_range);
}

TEST_CASE("days and dates agree") {
  Date start{1999, 12, 25};
  for (long n = -798; n <= 798; n += 7) {
    Date d = add_days(start, n);
    REQUIRE(is_valid(d));
    REQUIRE(days_between(start, d) == n);
    REQUIRE(day_of_week(d) == day_of_week(start));
  }
}

TEST_CASE("historic weekdays") {
  CHECK(day_of_week(Date{1969, 7, 20}) == 6);
  CHECK(day_of_week(Date{2000, 2, 29}) == 1);
  CHECK(day_of_week(Date{1, 1, 1}) == 0);
}
