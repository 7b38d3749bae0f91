// `main.cc` is a tiny `tail`: the first line of input is a number `k`; it then prints
// the last `k` lines of the remaining input, in their original order. If fewer than `k`
// lines remain, it prints all of them.
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::string first;
  if (!std::getline(std::cin, first)) return 0;
  int k = std::stoi(first);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(std::cin, line)) lines.push_back(line);
  int n = static_cast<int>(lines.size());
  int start = n - k + 1;
  if (start < 0) start = 0;
  for (int i = start; i < n; ++i) std::cout << lines[i] << "\n";
  return 0;
}
