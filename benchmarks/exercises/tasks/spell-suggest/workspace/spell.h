// Edit distance and spelling suggestions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

int edit_distance(std::string_view a, std::string_view b);  // Levenshtein

// Dictionary words within max_distance, closest first, then alphabetical; {word} if the
// word is in the dictionary. Throws std::invalid_argument if max_distance < 0.
std::vector<std::string> suggest(std::string_view word, const std::vector<std::string>& dictionary,
                                 int max_distance);
