// `main.cc` reads lines of text and prints `balanced` when the brackets `()`, `[]` and
// `{}` in the line are properly nested and matched, and `unbalanced` otherwise. All
// other characters are ignored.
#include <iostream>
#include <string>
#include <vector>

bool balanced(const std::string& s) {
  std::vector<char> open;
  for (char c : s) {
    switch (c) {
      case '(':
      case '[':
      case '{':
        open.push_back(c);
        break;
      case ')':
        if (open.empty() || open.back() != '(') return false;
        open.pop_back();
        break;
      case ']':
        if (open.empty() || open.back() != '[') return false;
        open.pop_back();
        break;
      default:
        break;
    }
  }
  return open.empty();
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::cout << (balanced(line) ? "balanced" : "unbalanced") << "\n";
  }
  return 0;
}
