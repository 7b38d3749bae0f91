// Visible tests of the exercise calendar-date (Catch2 v2).
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
