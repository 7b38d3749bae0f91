// `main.cc` reads lines `name value` (sales per employee) and prints the best seller as
// `best: NAME (VALUE)`. When several share the highest value the one listed first wins.
// With no input lines it prints `no data`.
#include <iostream>
#include <string>
#include <vector>

struct Entry {
  std::string name;
  long long value;
};

int main() {
  std::vector<Entry> entries;
  Entry e;
  while (std::cin >> e.name >> e.value) entries.push_back(e);
  if (entries.empty()) {
    std::cout << "no data\n";
    return 0;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].value >= entries[best].value) best = i;
  }
  std::cout << "best: " << entries[best].name << " (" << entries[best].value << ")\n";
  return 0;
}
