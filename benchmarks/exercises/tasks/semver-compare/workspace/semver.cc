#include "semver.h"

#include <stdexcept>

Version parse_version(std::string_view s) {
  (void)s;
  throw std::invalid_argument("parse_version: not implemented");
}

int compare_versions(const Version& a, const Version& b) {
  (void)a;
  (void)b;
  return 0;
}

std::string to_string(const Version& v) {
  return std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch);
}
