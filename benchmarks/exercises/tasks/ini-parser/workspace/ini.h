// Parsing INI files into section -> key -> value.
#pragma once

#include <map>
#include <stdexcept>
#include <string>
#include <string_view>

using Ini = std::map<std::string, std::map<std::string, std::string>>;

class IniError : public std::runtime_error {
 public:
  IniError(int line, const std::string& what) : std::runtime_error(what), line_(line) {}
  int line() const { return line_; }  // 1-based

 private:
  int line_;
};

// Throws IniError naming the first malformed line.
Ini parse_ini(std::string_view text);
