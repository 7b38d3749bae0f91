#include "rle.h"

#include <stdexcept>

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

std::string rle_encode(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    if (is_digit(text[i])) throw std::invalid_argument("rle_encode: digit in text");
    std::size_t j = i;
    while (j < text.size() && text[j] == text[i]) ++j;
    if (j - i > 1) out += std::to_string(j - i);
    out += text[i];
    i = j;
  }
  return out;
}

std::string rle_decode(std::string_view code) {
  std::string out;
  std::size_t count = 0;
  bool have_count = false;
  for (char c : code) {
    if (is_digit(c)) {
      if (!have_count && c == '0') throw std::invalid_argument("rle_decode: count starts with 0");
      count = count * 10 + static_cast<std::size_t>(c - '0');
      have_count = true;
      if (count > 100000000) throw std::invalid_argument("rle_decode: count too large");
    } else {
      out.append(have_count ? count : 1, c);
      count = 0;
      have_count = false;
    }
  }
  if (have_count) throw std::invalid_argument("rle_decode: count at the end");
  return out;
}
