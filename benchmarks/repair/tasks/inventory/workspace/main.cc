// `main.cc` keeps a stock list. Commands, one per line: `add ITEM N` adds `N` units;
// `remove ITEM N` removes `N` units if that many are in stock (otherwise it prints `not
// enough ITEM` and changes nothing); `report` prints every item in stock in alphabetical
// order as `ITEM: N`, then `--`. Items whose quantity drops to zero are no longer in
// stock and are not reported.
#include <iostream>
#include <map>
#include <sstream>
#include <string>

int main() {
  std::map<std::string, long long> stock;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string cmd, item;
    long long n = 0;
    in >> cmd >> item >> n;
    if (cmd == "add") {
      stock[item] += n;
    } else if (cmd == "remove") {
      auto it = stock.find(item);
      if (it == stock.end() || it->second < n) {
        std::cout << "not enough " << item << "\n";
        continue;
      }
      it->second -= n;
    } else if (cmd == "report") {
      for (const auto& [name, qty] : stock) std::cout << name << ": " << qty << "\n";
      std::cout << "--\n";
    }
  }
  return 0;
}
