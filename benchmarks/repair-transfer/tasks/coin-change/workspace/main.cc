// `main.cc` reads coin denominations on the first line (positive integers) and then
// amounts, one per line (0 <= amount <= 100000). For each amount it prints the fewest
// coins that add up to it (coins may be reused), or `impossible`. Amount 0 needs 0
// coins.
#include <iostream>
#include <limits>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<int> coins;
  int c;
  while (in >> c)
    if (c > 0) coins.push_back(c);
  const int kInf = std::numeric_limits<int>::max();
  long long amount;
  while (std::cin >> amount) {
    if (amount < 0) continue;
    std::vector<int> best(amount + 1, kInf);
    for (long long a = 1; a <= amount; ++a) {
      for (int coin : coins) {
        if (coin <= a && best[a - coin] != kInf && best[a - coin] + 1 < best[a]) {
          best[a] = best[a - coin] + 1;
        }
      }
    }
    if (best[amount] == kInf) {
      std::cout << "impossible\n";
    } else {
      std::cout << best[amount] << "\n";
    }
  }
  return 0;
}
