#include "bigint.h"

std::string big_add(std::string_view a, std::string_view b) {
  return std::to_string(std::stoll(std::string(a)) + std::stoll(std::string(b)));
}

std::string big_sub(std::string_view a, std::string_view b) {
  (void)a;
  (void)b;
  return "0";
}

std::string big_mul(std::string_view a, std::string_view b) {
  (void)a;
  (void)b;
  return "0";
}

int big_compare(std::string_view a, std::string_view b) {
  (void)a;
  (void)b;
  return 0;
}
