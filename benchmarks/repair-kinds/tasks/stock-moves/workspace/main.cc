// `main.cc` keeps the stock of named items. It reads commands, one per line: `in ITEM N`
// adds N, `out ITEM N` takes N away (or prints `short ITEM` and changes nothing when
// there are fewer than N), `move FROM TO N` takes N from item FROM and adds them to item
// TO (or prints `short FROM`). At the end it prints every item with its stock, `ITEM N`,
// sorted by name.
#include <iostream>
#include <map>
#include <sstream>
#include <string>

int main() {
  std::map<std::string, long long> stock;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string cmd, item, to;
    long long n = 0;
    in >> cmd;
    if (cmd == "in" && in >> item >> n) {
      stock[item] += n;
    } else if (cmd == "out" && in >> item >> n) {
      if (stock[item] < n) std::cout << "short " << item << "\n";
      else stock[item] -= n;
    } else if (cmd == "move" && in >> item >> to >> n) {
      if (stock[item] < n) {
        std::cout << "short " << item << "\n";
      } else {
        stock[item] -= n;
        stock[item] += n;
      }
    }
  }
  for (const auto& [name, count] : stock) std::cout << name << " " << count << "\n";
  return 0;
}
