// `main.cc` reads words (separated by whitespace) and prints them one per line sorted by
// length, shortest first, and alphabetically among words of the same length. It uses a
// hand written selection sort.
#include <iostream>
#include <string>
#include <utility>
#include <vector>

bool shorter(const std::string& a, const std::string& b) {
  if (a.size() != b.size()) return a.size() < b.size();
  return a < b;
}

void selectionSort(std::vector<std::string>& v) {
  for (std::size_t i = 0; i + 1 < v.size(); ++i) {
    std::size_t best = i;
    for (std::size_t j = i + 1; j + 1 < v.size(); ++j) {
      if (shorter(v[j], v[best])) best = j;
    }
    std::swap(v[i], v[best]);
  }
}

int main() {
  std::vector<std::string> words;
  std::string w;
  while (std::cin >> w) words.push_back(w);
  selectionSort(words);
  for (const auto& x : words) std::cout << x << "\n";
  return 0;
}
