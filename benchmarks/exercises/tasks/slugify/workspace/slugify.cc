#include "slugify.h"

#include <stdexcept>

std::string slugify(std::string_view title) {
  (void)title;
  throw std::logic_error("slugify: not implemented");
}
