// Greedy word wrapping with paragraphs.
#pragma once

#include <string>
#include <string_view>
#include <vector>

// Lines of at most width characters; one empty line between paragraphs.
// Throws std::invalid_argument if width < 1.
std::vector<std::string> wrap_text(std::string_view text, int width);
