// `main.cc` reads text in paragraphs separated by blank lines and prints, for each
// paragraph, `paragraph N: W words, S sentences`, where words are whitespace-separated
// tokens and sentences are counted by the tokens ending in `.`, `!` or `?`.
#include <iostream>
#include <sstream>
#include <string>

int main() {
  std::string line;
  int paragraph = 0;
  long words = 0, sentences = 0;
  bool open = false;
  auto flush = [&]() {
    if (!open) return;
    ++paragraph;
    std::cout << "paragraph " << paragraph << ": " << words << " words, " << sentences
              << " sentences\n";
    open = false;
  };
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string tok;
    bool any = false;
    while (in >> tok) {
      any = true;
      ++words;
      char last = tok.back();
      if (last == '.' || last == '!' || last == '?') ++sentences;
    }
    if (any) {
      open = true;
    } else {
      flush();
    }
  }
  flush();
  return 0;
}
