// Run-length encoding of digit-free text: "AAAB" <-> "3AB".
#pragma once

#include <string>
#include <string_view>

// Throws std::invalid_argument if text contains a decimal digit.
std::string rle_encode(std::string_view text);

// Throws std::invalid_argument on a malformed code.
std::string rle_decode(std::string_view code);
