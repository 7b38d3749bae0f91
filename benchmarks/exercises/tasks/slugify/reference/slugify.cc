#include "slugify.h"

#include <cctype>

std::string slugify(std::string_view title) {
  std::string slug;
  bool pending_dash = false;
  for (char c : title) {
    unsigned char u = static_cast<unsigned char>(c);
    if (c == '\'') continue;
    if (u < 0x80 && std::isalnum(u)) {
      if (pending_dash && !slug.empty()) slug += '-';
      pending_dash = false;
      slug += static_cast<char>(std::tolower(u));
    } else {
      pending_dash = true;
    }
  }
  return slug;
}
