TASKS = []

TASKS.append(task(
id="matrix-multiply", kind="nested-loop-bound", token=False,
about="""
# matrix-multiply

`main.cc` reads two integer matrices, each given as `rows cols` followed by its entries row
by row, and prints their product `A x B` in the same format (first the line `rows cols`).
If the inner dimensions differ it prints `dimension mismatch`.
""",
src=r'''
#include <iostream>
#include <vector>

using Matrix = std::vector<std::vector<long long>>;

Matrix readMatrix(std::size_t& rows, std::size_t& cols) {
  std::cin >> rows >> cols;
  Matrix m(rows, std::vector<long long>(cols));
  for (auto& row : m)
    for (auto& x : row) std::cin >> x;
  return m;
}

int main() {
  std::size_t n, m, p, q;
  Matrix a = readMatrix(n, m);
  Matrix b = readMatrix(p, q);
  if (m != p) {
    std::cout << "dimension mismatch\n";
    return 0;
  }
  Matrix c(n, std::vector<long long>(q, 0));
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = 0; j < q; ++j)
      for (std::size_t k = 0; k < m; ++k) c[i][j] += a[i][k] * b[k][j];
  std::cout << n << " " << q << "\n";
  for (const auto& row : c) {
    for (std::size_t j = 0; j < q; ++j) std::cout << (j ? " " : "") << row[j];
    std::cout << "\n";
  }
  return 0;
}
''',
bug=("for (std::size_t k = 0; k < m; ++k)", "for (std::size_t k = 0; k < n; ++k)"),
visible=["2 2\n1 2\n3 4\n2 2\n5 6\n7 8\n", "1 3\n1 2 3\n3 1\n4\n5\n6\n", "2 2\n1 0\n0 1\n3 3\n1 2 3\n4 5 6\n7 8 9\n"],
hidden=["3 1\n1\n2\n3\n1 3\n1 2 3\n", "2 3\n1 2 3\n4 5 6\n3 2\n7 8\n9 10\n11 12\n", "1 1\n5\n1 1\n-3\n",
        "1 4\n1 1 1 1\n4 1\n1\n2\n3\n4\n", "3 2\n1 2\n3 4\n5 6\n2 1\n1\n1\n"],
))

TASKS.append(task(
id="common-prefix", kind="nested-loop-bound", token=True,
about="""
# common-prefix

`main.cc` reads groups of words, one group per line (words separated by spaces), and prints
the longest common prefix of all words in the group, in quotes, e.g. `"fl"` for
`flower flow flight`. A group with one word prints that word; an empty line prints `""`.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

std::string commonPrefix(const std::vector<std::string>& words) {
  if (words.empty()) return "";
  std::string prefix;
  for (std::size_t i = 0; i < words[0].size(); ++i) {
    char c = words[0][i];
    for (std::size_t w = 1; w < words.size(); ++w) {
      if (i >= words[w].size() || words[w][i] != c) return prefix;
    }
    prefix += c;
  }
  return prefix;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<std::string> words;
    std::string w;
    while (in >> w) words.push_back(w);
    std::cout << '"' << commonPrefix(words) << "\"\n";
  }
  return 0;
}
''',
bug=("for (std::size_t w = 1; w < words.size(); ++w)", "for (std::size_t w = 1; w < words.size() - 1; ++w)"),
visible=["flower flow flight\n", "dog racecar car\n", "interview internet\n"],
hidden=["\n", "alone\n", "same same same\n", "ab abc a\n", "prefix prefab prepare pr\n", "x y\n", "abc abd abe abz\n"],
))

TASKS.append(task(
id="pair-sum-count", kind="nested-loop-bound", token=True,
about="""
# pair-sum-count

`main.cc` reads a target `k` on the first line and a list of integers on the second, and
prints how many pairs of positions `i < j` have `a[i] + a[j] == k`, then the pairs
themselves as `i j` (0-based), in increasing order of `i` then `j`.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

int main() {
  long long k;
  std::string line;
  if (!(std::cin >> k)) return 0;
  std::getline(std::cin, line);
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<long long> a;
  long long x;
  while (in >> x) a.push_back(x);
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t i = 0; i < a.size(); ++i) {
    for (std::size_t j = i + 1; j < a.size(); ++j) {
      if (a[i] + a[j] == k) pairs.emplace_back(i, j);
    }
  }
  std::cout << pairs.size() << "\n";
  for (const auto& [i, j] : pairs) std::cout << i << " " << j << "\n";
  return 0;
}
''',
bug=("for (std::size_t j = i + 1; j < a.size(); ++j)", "for (std::size_t j = i; j < a.size(); ++j)"),
visible=["4\n2 2 1 3\n", "10\n1 2 3\n", "0\n0 5 -5\n"],
hidden=["6\n3\n", "2\n1 1 1\n", "7\n", "8\n4 4 4 4\n", "5\n1 4 2 3 5 0\n", "-2\n-1 -1 0 -2\n"],
))

TASKS.append(task(
id="star-triangle", kind="nested-loop-bound", token=True,
about="""
# star-triangle

`main.cc` reads heights `h` (0 <= h <= 40), one per line, and for each prints a
right-aligned triangle of `*`: row `r` (1-based) has `h - r` spaces followed by `r` stars.
Height 0 prints nothing. A line `---` follows each triangle.
""",
src=r'''
#include <iostream>
#include <string>

void triangle(int h) {
  for (int r = 1; r <= h; ++r) {
    std::string row;
    for (int s = 0; s < h - r; ++s) row += ' ';
    for (int k = 0; k < r; ++k) row += '*';
    std::cout << row << "\n";
  }
  std::cout << "---\n";
}

int main() {
  int h;
  while (std::cin >> h) {
    if (h < 0) continue;
    triangle(h);
  }
  return 0;
}
''',
bug=("for (int k = 0; k < r; ++k)", "for (int k = 1; k < r; ++k)"),
visible=["1\n", "3\n", "0\n"],
hidden=["2\n", "5\n", "4\n1\n", "10\n", "6\n"],
))

TASKS.append(task(
id="times-table", kind="nested-loop-bound", token=False,
about="""
# times-table

`main.cc` reads lines `rows cols` and prints a multiplication table with `rows` rows and
`cols` columns: the entry in row `i`, column `j` (both 1-based) is `i * j`, each entry
right-aligned in a field as wide as the largest entry plus one space. A blank line follows
each table.
""",
src=r'''
#include <iostream>
#include <string>

void table(int rows, int cols) {
  int width = static_cast<int>(std::to_string(rows * cols).size()) + 1;
  for (int i = 1; i <= rows; ++i) {
    std::string line;
    for (int j = 1; j <= cols; ++j) {
      std::string cell = std::to_string(i * j);
      line += std::string(width - cell.size(), ' ') + cell;
    }
    std::cout << line << "\n";
  }
  std::cout << "\n";
}

int main() {
  int rows, cols;
  while (std::cin >> rows >> cols) {
    if (rows < 1 || cols < 1) continue;
    table(rows, cols);
  }
  return 0;
}
''',
bug=("for (int j = 1; j <= cols; ++j)", "for (int j = 1; j <= rows; ++j)"),
visible=["3 3\n", "2 4\n", "1 1\n"],
hidden=["4 2\n", "1 10\n", "12 12\n", "5 1\n", "3 7\n"],
))

TASKS.append(task(
id="sort-by-length", kind="nested-loop-bound", token=True,
about="""
# sort-by-length

`main.cc` reads words (separated by whitespace) and prints them one per line sorted by
length, shortest first, and alphabetically among words of the same length. It uses a hand
written selection sort.
""",
src=r'''
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
    for (std::size_t j = i + 1; j < v.size(); ++j) {
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
''',
bug=("for (std::size_t j = i + 1; j < v.size(); ++j)", "for (std::size_t j = i + 1; j + 1 < v.size(); ++j)"),
visible=["pear fig apple kiwi\n", "a b c\n", "ccc bb a\n"],
hidden=["", "one\n", "zz aa\n", "banana kiwi fig date plum\n", "x yy x\n", "delta alpha charlie bravo\n"],
))
