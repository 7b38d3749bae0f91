#include "wrap.h"

std::vector<std::string> wrap_text(std::string_view text, int width) {
  (void)width;
  return {std::string(text)};
}
