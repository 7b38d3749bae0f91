// String helpers that the standard library lacks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace clade {

std::string_view Trim(std::string_view text);

// Splits on a separator character; keeps empty fields.
std::vector<std::string> Split(std::string_view text, char separator);

// The first line of a text, without its newline.
std::string_view FirstLine(std::string_view text);

// The items separated by `separator`.
std::string Join(const std::vector<std::string>& items, std::string_view separator = " ");

// Parses a whole string as a non-negative decimal integer; false if it is anything else.
bool ParseNonNegative(std::string_view text, long long* value);

// True if text is non-empty and only hexadecimal digits.
bool IsHex(std::string_view text);

// The text as one single-quoted word for /bin/sh ('it'\''s'), whatever it holds.
std::string ShellQuote(std::string_view text);

// Replaces every occurrence of `from` (non-empty) in `text` by `to`, left to right, never
// inside a replacement.
void ReplaceAll(std::string* text, std::string_view from, std::string_view to);

// Keeps the head and the tail of a text longer than cap bytes, with a marker between
// them saying how much was cut. Texts no longer than cap are returned unchanged.
std::string CapText(std::string_view text, size_t cap);

}  // namespace clade
