TASKS = []

TASKS.append(task(
id="disk-usage", kind="integer-overflow", token=False,
about="""
# disk-usage

`main.cc` reads lines `NAME BYTES` (file sizes, each below 4 GiB) and prints the total as
`total B bytes`, then the largest file as `largest NAME` (the first one on a tie), and
`empty` instead of both when there is no file.
""",
src=r'''
#include <iostream>
#include <string>

int main() {
  std::string name, largestName;
  long long bytes, largest = -1;
  long long total = 0;
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
''',
bug=("  long long total = 0;", "  int total = 0;"),
visible=["a.txt 100\nb.txt 250\n", "big.iso 3000000000\n", "x 1500000000\ny 1500000000\n"],
hidden=["", "one 0\n", "p 4000000000\nq 4000000000\nr 1\n", "m 2147483647\nn 1\n", "a 10\nb 10\nc 5\n"],
))

TASKS.append(task(
id="grid-cells", kind="integer-overflow", token=False,
about="""
# grid-cells

`main.cc` reads grid sizes `rows cols` (each up to 10^6), one per line, and prints the
number of cells of each grid, then `sum S`, the cells of all grids together.
""",
src=r'''
#include <iostream>

int main() {
  long long rows, cols, sum = 0;
  while (std::cin >> rows >> cols) {
    long long cells = rows * cols;
    std::cout << cells << "\n";
    sum += cells;
  }
  std::cout << "sum " << sum << "\n";
  return 0;
}
''',
bug=("    long long cells = rows * cols;", "    int cells = rows * cols;"),
visible=["3 4\n", "100000 100000\n", "2 2\n5 5\n"],
hidden=["0 7\n", "1000000 1000000\n", "65536 32768\n1 1\n", "46341 46341\n", "999 1001\n"],
))

TASKS.append(task(
id="digit-power-sum", kind="integer-overflow", token=False,
about="""
# digit-power-sum

`main.cc` reads numbers (as text, up to 18 digits) and prints for each the sum of its digits
each raised to the power of the number of digits, e.g. `153` -> `153` (1 + 125 + 27),
followed by ` armstrong` when that sum equals the number itself.
""",
src=r'''
#include <iostream>
#include <string>

long long power(long long base, int exponent) {
  long long result = 1;
  for (int i = 0; i < exponent; ++i) result *= base;
  return result;
}

int main() {
  std::string number;
  while (std::cin >> number) {
    int digits = static_cast<int>(number.size());
    long long sum = 0;
    for (char c : number) sum += power(c - '0', digits);
    std::cout << sum;
    if (std::to_string(sum) == number) std::cout << " armstrong";
    std::cout << "\n";
  }
  return 0;
}
''',
bug=("long long power(long long base, int exponent) {\n  long long result = 1;",
     "long long power(long long base, int exponent) {\n  int result = 1;"),
visible=["153\n", "9999999999\n", "12\n"],
hidden=["9474\n", "7\n", "123456789\n", "999999999999\n", "407\n100\n"],
))
