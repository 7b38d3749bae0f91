// `main.cc` reads lines of text and prints each as a JSON string literal: wrapped in
// double quotes, with `"` written as `\"`, backslash as `\\`, tab as `\t`, carriage
// return as `\r`, and any other byte below 0x20 as `\u00XX` (lowercase hex). Other bytes
// are copied unchanged.
#include <cstdio>
#include <iostream>
#include <string>

std::string jsonQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << jsonQuote(line) << "\n";
  return 0;
}
