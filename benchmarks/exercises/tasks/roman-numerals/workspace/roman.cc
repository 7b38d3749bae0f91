#include "roman.h"

#include <stdexcept>

std::string to_roman(int n) {
  (void)n;
  return "";
}

int from_roman(std::string_view s) {
  (void)s;
  return 0;
}
