// Evaluating infix arithmetic: "1 + 2 * (3 - 1) ^ 2" is 9.
#pragma once

#include <stdexcept>
#include <string_view>

struct ParseError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// Throws ParseError on malformed input.
double evaluate(std::string_view expr);
