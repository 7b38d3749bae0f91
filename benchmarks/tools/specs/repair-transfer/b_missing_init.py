TASKS = []

TASKS.append(task(
id="line-totals", kind="missing-init", token=False,
about="""
# line-totals

`main.cc` reads lines of whitespace-separated integers and prints, for each line, the
line's total and the number of values on it as `total (count)`, then a last line
`grand total: T`.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>

int main() {
  std::string line;
  long long grand = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    long long total = 0;
    long long count = 0;
    long long x;
    while (in >> x) {
      total += x;
      ++count;
    }
    grand += total;
    std::cout << total << " (" << count << ")\n";
  }
  std::cout << "grand total: " << grand << "\n";
  return 0;
}
''',
bug=('''  long long grand = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    long long total = 0;
    long long count = 0;''', '''  long long grand = 0;
  long long count = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    long long total = 0;'''),
visible=["1 2 3\n", "1 2\n3\n", "\n5\n"],
hidden=["", "10\n20\n30\n", "-1 1\n\n2 2 2\n", "7 7 7 7\n1\n", "100\n"],
))

TASKS.append(task(
id="row-maxima", kind="missing-init", token=False,
about="""
# row-maxima

`main.cc` reads `rows cols` and a matrix of integers (values may be negative) and prints,
for each row, the largest value of that row and its 0-based column (the first one on a
tie), as `max at col`.
""",
src=r'''
#include <iostream>
#include <vector>

int main() {
  int rows, cols;
  if (!(std::cin >> rows >> cols) || cols < 1) return 0;
  std::vector<long long> row(cols);
  long long best = 0;
  int at = 0;
  for (int r = 0; r < rows; ++r) {
    for (auto& x : row) std::cin >> x;
    best = row[0];
    at = 0;
    for (int c = 1; c < cols; ++c) {
      if (row[c] > best) {
        best = row[c];
        at = c;
      }
    }
    std::cout << best << " at " << at << "\n";
  }
  return 0;
}
''',
bug=("    best = row[0];\n    at = 0;\n", ""),
visible=["2 3\n1 5 2\n7 0 3\n", "2 2\n9 1\n2 3\n", "1 1\n4\n"],
hidden=["3 2\n-5 -6\n-1 -2\n-9 -9\n", "2 3\n5 5 5\n1 2 3\n", "3 1\n3\n2\n1\n", "2 4\n0 0 0 1\n1 0 0 0\n", "1 3\n-1 -2 -3\n"],
))

TASKS.append(task(
id="longest-run", kind="missing-init", token=False,
about="""
# longest-run

`main.cc` reads lines and prints, for each, the longest run of one repeated character in
it, as `CHAR x LENGTH` (the first such run on a tie). An empty line prints `none`.
""",
src=r'''
#include <iostream>
#include <string>

int main() {
  std::string line;
  std::size_t bestLen = 0;
  while (std::getline(std::cin, line)) {
    if (line.empty()) {
      std::cout << "none\n";
      continue;
    }
    char bestChar = line[0];
    bestLen = 0;
    std::size_t run = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
      if (i > 0 && line[i] == line[i - 1]) {
        ++run;
      } else {
        run = 1;
      }
      if (run > bestLen) {
        bestLen = run;
        bestChar = line[i];
      }
    }
    std::cout << bestChar << " x " << bestLen << "\n";
  }
  return 0;
}
''',
bug=("    bestLen = 0;\n", ""),
files={},
visible=["aabbbc\n", "abc\nxxxxxxxx\n", "zz\nq\n"],
hidden=["\n", "a\n", "aaaa\nbb\n", "abbcccdddd\nxyz\n", "mississippi\n", "  x\n", "aabb\n"],
))

TASKS.append(task(
id="coin-change", kind="missing-init", token=False,
about="""
# coin-change

`main.cc` reads coin denominations on the first line (positive integers) and then amounts,
one per line (0 <= amount <= 100000). For each amount it prints the fewest coins that add
up to it (coins may be reused), or `impossible`. Amount 0 needs 0 coins.
""",
src=r'''
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
    best[0] = 0;
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
''',
bug=("    best[0] = 0;\n", ""),
visible=["1 5 10 25\n30\n", "2\n3\n", "1 3 4\n6\n"],
hidden=["5\n0\n", "7 3\n11\n", "2 5\n1\n", "1 5 10 25\n99\n", "4 6\n12\n7\n", "9 10\n100000\n"],
))
