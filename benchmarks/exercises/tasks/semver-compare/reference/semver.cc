#include "semver.h"

#include <climits>
#include <stdexcept>

namespace {

bool all_digits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s)
    if (c < '0' || c > '9') return false;
  return true;
}

int parse_number(std::string_view s) {
  if (!all_digits(s) || (s.size() > 1 && s[0] == '0')) throw std::invalid_argument("bad number");
  long long v = 0;
  for (char c : s) {
    v = v * 10 + (c - '0');
    if (v > INT_MAX) throw std::invalid_argument("number too large");
  }
  return static_cast<int>(v);
}

std::vector<std::string> parse_identifiers(std::string_view s, bool prerelease) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (;;) {
    std::size_t dot = s.find('.', start);
    std::string_view id = s.substr(start, dot == std::string_view::npos ? s.npos : dot - start);
    if (id.empty()) throw std::invalid_argument("empty identifier");
    for (char c : id) {
      bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                c == '-';
      if (!ok) throw std::invalid_argument("bad character in identifier");
    }
    if (prerelease && all_digits(id) && id.size() > 1 && id[0] == '0')
      throw std::invalid_argument("leading zero in a numeric identifier");
    out.emplace_back(id);
    if (dot == std::string_view::npos) return out;
    start = dot + 1;
  }
}

int compare_identifier(const std::string& a, const std::string& b) {
  bool na = all_digits(a), nb = all_digits(b);
  if (na && nb) {
    if (a.size() != b.size()) return a.size() < b.size() ? -1 : 1;
  } else if (na != nb) {
    return na ? -1 : 1;
  }
  int c = a.compare(b);
  return c < 0 ? -1 : c > 0 ? 1 : 0;
}

std::string join(const std::vector<std::string>& ids) {
  std::string out;
  for (const std::string& id : ids) out += (out.empty() ? "" : ".") + id;
  return out;
}

}  // namespace

Version parse_version(std::string_view s) {
  Version v;
  std::size_t plus = s.find('+');
  if (plus != std::string_view::npos) {
    v.build = parse_identifiers(s.substr(plus + 1), false);
    s = s.substr(0, plus);
  }
  std::size_t dash = s.find('-');
  if (dash != std::string_view::npos) {
    v.prerelease = parse_identifiers(s.substr(dash + 1), true);
    s = s.substr(0, dash);
  }
  std::size_t d1 = s.find('.');
  std::size_t d2 = d1 == std::string_view::npos ? d1 : s.find('.', d1 + 1);
  if (d2 == std::string_view::npos) throw std::invalid_argument("expected MAJOR.MINOR.PATCH");
  v.major = parse_number(s.substr(0, d1));
  v.minor = parse_number(s.substr(d1 + 1, d2 - d1 - 1));
  v.patch = parse_number(s.substr(d2 + 1));
  return v;
}

int compare_versions(const Version& a, const Version& b) {
  for (auto [x, y] : {std::pair{a.major, b.major}, {a.minor, b.minor}, {a.patch, b.patch}})
    if (x != y) return x < y ? -1 : 1;
  if (a.prerelease.empty() || b.prerelease.empty()) {
    if (a.prerelease.empty() == b.prerelease.empty()) return 0;
    return a.prerelease.empty() ? 1 : -1;
  }
  for (std::size_t i = 0; i < a.prerelease.size() && i < b.prerelease.size(); ++i)
    if (int c = compare_identifier(a.prerelease[i], b.prerelease[i])) return c;
  if (a.prerelease.size() == b.prerelease.size()) return 0;
  return a.prerelease.size() < b.prerelease.size() ? -1 : 1;
}

std::string to_string(const Version& v) {
  std::string out =
      std::to_string(v.major) + "." + std::to_string(v.minor) + "." + std::to_string(v.patch);
  if (!v.prerelease.empty()) out += "-" + join(v.prerelease);
  if (!v.build.empty()) out += "+" + join(v.build);
  return out;
}
