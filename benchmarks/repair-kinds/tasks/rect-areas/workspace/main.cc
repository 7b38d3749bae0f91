// `main.cc` reads rectangles `width height`, one per line, and prints each one's area
// and perimeter as `area A perimeter P`. The last line is `largest A`, the largest area
// (0 when there is no rectangle).
#include <iostream>

int main() {
  long long width, height, largest = 0;
  while (std::cin >> width >> height) {
    long long area = width * width;
    long long perimeter = 2 * (width + height);
    std::cout << "area " << area << " perimeter " << perimeter << "\n";
    if (area > largest) largest = area;
  }
  std::cout << "largest " << largest << "\n";
  return 0;
}
