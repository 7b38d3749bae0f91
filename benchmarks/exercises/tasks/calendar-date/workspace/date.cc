#include "date.h"

#include <stdexcept>

bool is_valid(const Date& d) { return d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31; }

Date parse_date(std::string_view s) {
  (void)s;
  throw std::invalid_argument("parse_date: not implemented");
}

std::string format_date(const Date& d) {
  return std::to_string(d.year) + "-" + std::to_string(d.month) + "-" + std::to_string(d.day);
}

long days_between(const Date& a, const Date& b) { return (b.day - a.day) + 30L * (b.month - a.month); }

Date add_days(const Date& d, long n) { return Date{d.year, d.month, d.day + static_cast<int>(n)}; }

int day_of_week(const Date& d) { return d.day % 7; }
