#include "rle.h"

std::string rle_encode(std::string_view text) { return std::string(text); }

std::string rle_decode(std::string_view code) { return std::string(code); }
