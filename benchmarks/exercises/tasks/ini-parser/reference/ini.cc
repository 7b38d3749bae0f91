#include "ini.h"

namespace {

std::string_view trim(std::string_view s) {
  const char* ws = " \t";
  std::size_t a = s.find_first_not_of(ws);
  if (a == std::string_view::npos) return {};
  std::size_t b = s.find_last_not_of(ws);
  return s.substr(a, b - a + 1);
}

}  // namespace

Ini parse_ini(std::string_view text) {
  Ini ini;
  std::string section;
  int number = 0;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    std::size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++number;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    line = trim(line);
    if (line.empty() || line[0] == ';' || line[0] == '#') continue;
    if (line[0] == '[') {
      if (line.back() != ']') throw IniError(number, "section header without a closing ]");
      std::string_view name = trim(line.substr(1, line.size() - 2));
      if (name.empty() || name.find(']') != std::string_view::npos)
        throw IniError(number, "bad section name");
      section = std::string(name);
      continue;
    }
    std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) throw IniError(number, "expected key = value");
    std::string_view key = trim(line.substr(0, eq));
    if (key.empty()) throw IniError(number, "empty key");
    ini[section][std::string(key)] = std::string(trim(line.substr(eq + 1)));
  }
  return ini;
}
