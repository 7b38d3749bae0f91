// `main.cc` reads an INI-style configuration and prints every setting as
// `section.key=value`, sorted by that full name (settings before any section header
// print as `key=value`). Lines `[name]` start a section; lines `key = value` set a value
// (spaces around key and value are trimmed; a later setting of the same full name wins);
// blank lines and lines starting with `#` or `;` are ignored, as are lines without `=`.
#include <iostream>
#include <map>
#include <string>

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

int main() {
  std::map<std::string, std::string> settings;
  std::string section, raw;
  while (std::getline(std::cin, raw)) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    std::string full = section.empty() ? key : section + "." + value;
    settings[full] = value;
  }
  for (const auto& [k, v] : settings) std::cout << k << "=" << v << "\n";
  return 0;
}
