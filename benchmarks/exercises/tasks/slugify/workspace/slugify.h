// Turning titles into URL slugs.
#pragma once

#include <string>
#include <string_view>

// Lowercase ASCII letters and digits, runs of anything else as one '-', no leading or
// trailing '-'; apostrophes are dropped.
std::string slugify(std::string_view title);
