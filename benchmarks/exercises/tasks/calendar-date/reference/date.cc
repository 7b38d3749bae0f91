#include "date.h"

#include <cstdio>
#include <stdexcept>

namespace {

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int days_in_month(int y, int m) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : kDays[m - 1];
}

// Days since 0001-01-01 (day 0).
long to_serial(const Date& d) {
  long y = d.year - 1;
  long days = y * 365 + y / 4 - y / 100 + y / 400;
  for (int m = 1; m < d.month; ++m) days += days_in_month(d.year, m);
  return days + d.day - 1;
}

Date from_serial(long n) {
  Date d{1, 1, 1};
  // 146097 days in 400 years: jump whole cycles, then years, then months.
  d.year += static_cast<int>(n / 146097) * 400;
  n %= 146097;
  while (n >= (is_leap(d.year) ? 366 : 365)) n -= is_leap(d.year++) ? 366 : 365;
  while (n >= days_in_month(d.year, d.month)) n -= days_in_month(d.year, d.month++);
  d.day = static_cast<int>(n) + 1;
  return d;
}

}  // namespace

bool is_valid(const Date& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= days_in_month(d.year, d.month);
}

Date parse_date(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') throw std::invalid_argument("not YYYY-MM-DD");
  for (std::size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
    if (s[i] < '0' || s[i] > '9') throw std::invalid_argument("not YYYY-MM-DD");
  auto number = [&](std::size_t at, std::size_t len) {
    int v = 0;
    for (std::size_t i = at; i < at + len; ++i) v = v * 10 + (s[i] - '0');
    return v;
  };
  Date d{number(0, 4), number(5, 2), number(8, 2)};
  if (!is_valid(d)) throw std::invalid_argument("no such date");
  return d;
}

std::string format_date(const Date& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

long days_between(const Date& a, const Date& b) { return to_serial(b) - to_serial(a); }

Date add_days(const Date& d, long n) {
  long serial = to_serial(d) + n;
  if (serial < 0 || serial > to_serial(Date{9999, 12, 31}))
    throw std::out_of_range("add_days: outside years 1..9999");
  return from_serial(serial);
}

int day_of_week(const Date& d) {
  return static_cast<int>(to_serial(d) % 7);  // 0001-01-01 was a Monday
}
