// Evaluating expressions in reverse Polish notation: "3 4 + 2 *" is 14.
#pragma once

#include <stdexcept>
#include <string_view>

struct RpnError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws RpnError on a malformed expression or a division by zero.
long long eval_rpn(std::string_view expr);
