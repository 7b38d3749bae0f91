// Roman numerals in the standard subtractive form, 1 to 3999.
#pragma once

#include <string>
#include <string_view>

// REQUIRES nothing; throws std::out_of_range unless 1 <= n <= 3999.
std::string to_roman(int n);

// Throws std::invalid_argument unless s is a numeral in the standard form.
int from_roman(std::string_view s);
