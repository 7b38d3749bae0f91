// `main.cc` reads lines `NAME BYTES` (file sizes, each below 4 GiB) and prints the total
// as `total B bytes`, then the largest file as `largest NAME` (the first one on a tie),
// and `empty` instead of both when there is no file.
#include <iostream>
#include <string>

int main() {
  std::string name, largestName;
  long long bytes, largest = -1;
  int total = 0;
  while (std::cin >> name >> bytes) {
    total += bytes;
    if (bytes > largest) {
      largest = bytes;
      largestName = name;
    }
  }
  if (largest < 0) {
    std::cout << "empty\n";
    return 0;
  }
  std::cout << "total " << total << " bytes\n";
  std::cout << "largest " << largestName << "\n";
  return 0;
}
