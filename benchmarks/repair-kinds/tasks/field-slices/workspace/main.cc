// `main.cc` reads a first line of text and then lines `start length`, and prints for
// each the part of the text that starts at index `start` (from 0) and is `length`
// characters long, in brackets, e.g. `[ell]` for `1 3` and the text `hello`. A slice
// that runs past the end stops at the end; a start past the end prints `[]`.
#include <iostream>
#include <string>

std::string slice(const std::string& text, std::size_t start, std::size_t length) {
  if (start >= text.size()) return "";
  return text.substr(length, start);
}

int main() {
  std::string text;
  if (!std::getline(std::cin, text)) return 0;
  std::size_t start, length;
  while (std::cin >> start >> length) {
    std::cout << "[" << slice(text, start, length) << "]\n";
  }
  return 0;
}
