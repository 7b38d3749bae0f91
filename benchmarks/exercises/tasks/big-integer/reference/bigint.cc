#include "bigint.h"

#include <algorithm>
#include <stdexcept>
#include <vector>

namespace {

struct Big {
  bool negative = false;
  std::string digits;  // canonical magnitude, most significant first
};

Big parse(std::string_view s) {
  Big b;
  if (!s.empty() && s[0] == '-') {
    b.negative = true;
    s.remove_prefix(1);
  }
  if (s.empty()) throw std::invalid_argument("not a number");
  for (char c : s)
    if (c < '0' || c > '9') throw std::invalid_argument("not a number");
  std::size_t first = s.find_first_not_of('0');
  b.digits = first == std::string_view::npos ? "0" : std::string(s.substr(first));
  if (b.digits == "0") b.negative = false;
  return b;
}

int compare_magnitude(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string add_magnitude(const std::string& a, const std::string& b) {
  std::string out;
  int carry = 0;
  for (std::size_t i = 0; i < std::max(a.size(), b.size()) || carry; ++i) {
    int d = carry;
    if (i < a.size()) d += a[a.size() - 1 - i] - '0';
    if (i < b.size()) d += b[b.size() - 1 - i] - '0';
    out += static_cast<char>('0' + d % 10);
    carry = d / 10;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

std::string strip(std::string s) {
  std::size_t first = s.find_first_not_of('0');
  return first == std::string::npos ? "0" : s.substr(first);
}

// REQUIRES a >= b.
std::string sub_magnitude(const std::string& a, const std::string& b) {
  std::string out;
  int borrow = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    int d = a[a.size() - 1 - i] - '0' - borrow;
    if (i < b.size()) d -= b[b.size() - 1 - i] - '0';
    borrow = d < 0;
    out += static_cast<char>('0' + (d + 10) % 10);
  }
  std::reverse(out.begin(), out.end());
  return strip(out);
}

std::string render(bool negative, const std::string& magnitude) {
  return negative && magnitude != "0" ? "-" + magnitude : magnitude;
}

std::string add(const Big& a, const Big& b) {
  if (a.negative == b.negative) return render(a.negative, add_magnitude(a.digits, b.digits));
  int c = compare_magnitude(a.digits, b.digits);
  if (c == 0) return "0";
  return c > 0 ? render(a.negative, sub_magnitude(a.digits, b.digits))
               : render(b.negative, sub_magnitude(b.digits, a.digits));
}

}  // namespace

std::string big_add(std::string_view a, std::string_view b) { return add(parse(a), parse(b)); }

std::string big_sub(std::string_view a, std::string_view b) {
  Big nb = parse(b);
  if (nb.digits != "0") nb.negative = !nb.negative;
  return add(parse(a), nb);
}

std::string big_mul(std::string_view a, std::string_view b) {
  Big x = parse(a), y = parse(b);
  std::vector<int> acc(x.digits.size() + y.digits.size(), 0);
  for (std::size_t i = x.digits.size(); i-- > 0;) {
    int carry = 0;
    for (std::size_t j = y.digits.size(); j-- > 0;) {
      int cur = acc[i + j + 1] + (x.digits[i] - '0') * (y.digits[j] - '0') + carry;
      acc[i + j + 1] = cur % 10;
      carry = cur / 10;
    }
    acc[i] += carry;
  }
  std::string out;
  for (int d : acc) out += static_cast<char>('0' + d);
  return render(x.negative != y.negative, strip(out));
}

int big_compare(std::string_view a, std::string_view b) {
  Big x = parse(a), y = parse(b);
  if (x.negative != y.negative) return x.negative ? -1 : 1;
  int c = compare_magnitude(x.digits, y.digits);
  return x.negative ? -c : c;
}
