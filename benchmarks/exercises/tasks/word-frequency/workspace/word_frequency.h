// Counting words in a text.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

using WordCount = std::pair<std::string, int>;

// The k most frequent words (lower case) with their counts, by count descending, then
// alphabetically.
std::vector<WordCount> top_words(std::string_view text, std::size_t k);
