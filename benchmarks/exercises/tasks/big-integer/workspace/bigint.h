// Arbitrary-precision integers as decimal strings ("-123", "0", "4096").
#pragma once

#include <string>
#include <string_view>

// Inputs: optional '-', then digits (leading zeros allowed); else std::invalid_argument.
// Results: canonical (no leading zeros, "0" for zero).
std::string big_add(std::string_view a, std::string_view b);
std::string big_sub(std::string_view a, std::string_view b);
std::string big_mul(std::string_view a, std::string_view b);
int big_compare(std::string_view a, std::string_view b);  // -1, 0, 1
