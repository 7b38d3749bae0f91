// URL query strings: percent-encoding and name=value pairs.
#pragma once

#include <map>
#include <string>
#include <string_view>

using Query = std::multimap<std::string, std::string>;

std::string url_decode(std::string_view s);  // throws std::invalid_argument on a bad %
std::string url_encode(std::string_view s);
Query parse_query(std::string_view q);
std::string build_query(const Query& q);
