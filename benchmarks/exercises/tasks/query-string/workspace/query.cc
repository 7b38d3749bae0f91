#include "query.h"

std::string url_decode(std::string_view s) { return std::string(s); }

std::string url_encode(std::string_view s) { return std::string(s); }

Query parse_query(std::string_view q) {
  (void)q;
  return {};
}

std::string build_query(const Query& q) {
  (void)q;
  return "";
}
