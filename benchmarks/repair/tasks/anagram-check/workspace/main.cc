// `main.cc` reads pairs of lines and prints `anagram` if the two lines contain the same
// letters the same number of times, ignoring case and every character that is not a
// letter (so "Dormitory" and "dirty room!" are anagrams), and `different` otherwise. A
// missing last line counts as empty.
#include <cctype>
#include <iostream>
#include <string>

bool anagrams(const std::string& a, const std::string& b) {
  int count[26] = {0};
  for (unsigned char c : a) {
    if (!std::isalpha(c)) continue;
    count[std::tolower(c) - 'a']++;
  }
  for (unsigned char c : b) {
    if (std::isalpha(c)) continue;
    count[std::tolower(c) - 'a']--;
  }
  for (int k : count)
    if (k != 0) return false;
  return true;
}

int main() {
  std::string a, b;
  while (std::getline(std::cin, a)) {
    if (!std::getline(std::cin, b)) b.clear();
    std::cout << (anagrams(a, b) ? "anagram" : "different") << "\n";
  }
  return 0;
}
