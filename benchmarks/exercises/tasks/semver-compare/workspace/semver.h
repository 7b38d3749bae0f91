// Semantic versions (semver.org 2.0.0): parsing and precedence.
#pragma once

#include <string>
#include <string_view>
#include <vector>

struct Version {
  int major = 0;
  int minor = 0;
  int patch = 0;
  std::vector<std::string> prerelease;  // identifiers, in order
  std::vector<std::string> build;       // identifiers, in order
};

// Throws std::invalid_argument unless s is a valid semantic version.
Version parse_version(std::string_view s);

// -1, 0, 1 by SemVer precedence (build metadata ignored).
int compare_versions(const Version& a, const Version& b);

std::string to_string(const Version& v);
