// Calendar dates (proleptic Gregorian, years 1..9999).
#pragma once

#include <string>
#include <string_view>

struct Date {
  int year;
  int month;  // 1..12
  int day;    // 1..31
  bool operator==(const Date& o) const {
    return year == o.year && month == o.month && day == o.day;
  }
};

bool is_valid(const Date& d);
Date parse_date(std::string_view s);  // "YYYY-MM-DD"; throws std::invalid_argument
std::string format_date(const Date& d);
long days_between(const Date& a, const Date& b);  // b - a in days
Date add_days(const Date& d, long n);             // throws std::out_of_range outside 1..9999
int day_of_week(const Date& d);                   // 0 = Monday .. 6 = Sunday
