// `main.cc` reads heights `h` (0 <= h <= 40), one per line, and for each prints a right-
// aligned triangle of `*`: row `r` (1-based) has `h - r` spaces followed by `r` stars.
// Height 0 prints nothing. A line `---` follows each triangle.
#include <iostream>
#include <string>

void triangle(int h) {
  for (int r = 1; r <= h; ++r) {
    std::string row;
    for (int s = 0; s < h - r; ++s) row += ' ';
    for (int k = 1; k < r; ++k) row += '*';
    std::cout << row << "\n";
  }
  std::cout << "---\n";
}

int main() {
  int h;
  while (std::cin >> h) {
    if (h < 0) continue;
    triangle(h);
  }
  return 0;
}
