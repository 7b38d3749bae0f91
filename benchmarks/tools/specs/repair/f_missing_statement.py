TASKS = []

TASKS.append(task(
id="run-length-encode", kind="missing-statement", token=False,
about="""
# run-length-encode

`main.cc` run-length encodes each input line: every maximal run of one character becomes
the character followed by the run length, e.g. `aaabcc` -> `a3b1c2`. An empty line prints
an empty line.
""",
src=r'''
#include <iostream>
#include <string>

std::string encode(const std::string& s) {
  std::string out;
  if (s.empty()) return out;
  char current = s[0];
  int run = 0;
  for (char c : s) {
    if (c == current) {
      ++run;
    } else {
      out += current + std::to_string(run);
      current = c;
      run = 1;
    }
  }
  out += current + std::to_string(run);
  return out;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << encode(line) << "\n";
  return 0;
}
''',
bug=("  }\n  out += current + std::to_string(run);\n  return out;", "  }\n  return out;"),
visible=["aaabcc\n", "x\n", "abab\n"],
hidden=["\n", "zzzzzzzzzzzz\n", "aabbaa\n", "  a\n", "112233\n", "q\nqq\n"],
))

TASKS.append(task(
id="csv-fields", kind="missing-statement", token=False,
about="""
# csv-fields

`main.cc` splits CSV lines into fields. Fields are separated by commas; a field may be
quoted with double quotes, in which case it may contain commas, and `""` inside it stands
for one quote. For each line it prints the number of fields and then each field in square
brackets, e.g. `3 [a] [b,c] [d]`. An empty line has one empty field.
""",
src=r'''
#include <iostream>
#include <string>
#include <vector>

std::vector<std::string> splitCsv(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      fields.push_back(field);
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(field);
  return fields;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::vector<std::string> f = splitCsv(line);
    std::cout << f.size();
    for (const auto& x : f) std::cout << " [" << x << "]";
    std::cout << "\n";
  }
  return 0;
}
''',
bug=("  }\n  fields.push_back(field);\n  return fields;", "  }\n  return fields;"),
visible=["a,b,c\n", "\"x,y\",z\n", "one\n"],
hidden=["\n", "a,\n", ",\n", "\"say \"\"hi\"\"\",2\n", "1,2,3,4,5\n", "\"\",\"\"\n", "last,\"q\"\n"],
))

TASKS.append(task(
id="word-frequency", kind="missing-statement", token=False,
about="""
# word-frequency

`main.cc` counts words in its input. A word is a maximal run of letters, compared without
case (everything else separates words). It prints each distinct word in lowercase with its
count, `word count`, most frequent first and alphabetically among equal counts.
""",
src=r'''
#include <algorithm>
#include <cctype>
#include <iostream>
#include <map>
#include <string>
#include <vector>

int main() {
  std::map<std::string, int> counts;
  std::string word;
  char ch;
  while (std::cin.get(ch)) {
    unsigned char c = static_cast<unsigned char>(ch);
    if (std::isalpha(c)) {
      word += static_cast<char>(std::tolower(c));
    } else if (!word.empty()) {
      counts[word]++;
      word.clear();
    }
  }
  if (!word.empty()) counts[word]++;
  std::vector<std::pair<std::string, int>> list(counts.begin(), counts.end());
  std::stable_sort(list.begin(), list.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  for (const auto& [w, n] : list) std::cout << w << " " << n << "\n";
  return 0;
}
''',
bug=("      counts[word]++;\n      word.clear();\n", "      counts[word]++;\n"),
visible=["the cat and the hat\n", "Hello\n", "a b a\n"],
hidden=["", "One, two; TWO! three... three three\n", "x\ny\nx\n", "it's\n", "Zebra zebra ZEBRA apple\n", "end"],
))

TASKS.append(task(
id="merge-sorted", kind="missing-statement", token=False,
about="""
# merge-sorted

`main.cc` reads two lines, each a list of integers in non-decreasing order (a line may be
empty), and prints their merge, in non-decreasing order, on one line separated by spaces.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

std::vector<long long> readLine() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<long long> v;
  long long x;
  while (in >> x) v.push_back(x);
  return v;
}

std::vector<long long> merge(const std::vector<long long>& a, const std::vector<long long>& b) {
  std::vector<long long> out;
  std::size_t i = 0, j = 0;
  while (i < a.size() && j < b.size()) {
    if (b[j] < a[i]) {
      out.push_back(b[j++]);
    } else {
      out.push_back(a[i++]);
    }
  }
  while (i < a.size()) out.push_back(a[i++]);
  while (j < b.size()) out.push_back(b[j++]);
  return out;
}

int main() {
  std::vector<long long> a = readLine();
  std::vector<long long> b = readLine();
  std::vector<long long> m = merge(a, b);
  for (std::size_t k = 0; k < m.size(); ++k) {
    if (k) std::cout << " ";
    std::cout << m[k];
  }
  std::cout << "\n";
  return 0;
}
''',
bug=("  while (j < b.size()) out.push_back(b[j++]);\n", ""),
visible=["1 4 9\n2 3 10\n", "1 2\n5 6\n", "\n7\n"],
hidden=["\n\n", "5\n\n", "1 1 1\n1 1\n", "-3 0 2\n-5 -4 8 9 10\n", "10 20\n1 2 3\n", "4\n4\n"],
))

TASKS.append(task(
id="uniq-count", kind="missing-statement", token=False,
about="""
# uniq-count

`main.cc` behaves like `uniq -c`: it collapses runs of identical consecutive input lines
and prints each run as `COUNT LINE` (count, one space, the line). Lines that repeat but
not consecutively form separate runs.
""",
src=r'''
#include <iostream>
#include <string>

int main() {
  std::string line, prev;
  long count = 0;
  while (std::getline(std::cin, line)) {
    if (count > 0 && line == prev) {
      ++count;
      continue;
    }
    if (count > 0) std::cout << count << " " << prev << "\n";
    prev = line;
    count = 1;
  }
  if (count > 0) std::cout << count << " " << prev << "\n";
  return 0;
}
''',
bug=("    prev = line;\n", ""),
visible=["a\na\nb\n", "x\n", "p\nq\np\n"],
hidden=["", "a\na\na\n", "\n\nz\n", "1\n2\n2\n3\n3\n3\n", "same\nsame\nother\nsame\n"],
))

TASKS.append(task(
id="rpn-eval", kind="missing-statement", token=False,
about="""
# rpn-eval

`main.cc` evaluates integer expressions in reverse Polish notation, one per line, with
tokens separated by spaces: integers and the operators `+ - * /` (`/` truncates toward
zero). It prints the value, or `error` if an operator lacks operands, a division by zero
occurs, or the line does not leave exactly one value.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

bool evaluate(const std::string& line, long long& result) {
  std::istringstream in(line);
  std::vector<long long> st;
  std::string tok;
  while (in >> tok) {
    if (tok == "+" || tok == "-" || tok == "*" || tok == "/") {
      if (st.size() < 2) return false;
      long long b = st.back();
      st.pop_back();
      long long a = st.back();
      st.pop_back();
      if (tok == "+") st.push_back(a + b);
      if (tok == "-") st.push_back(a - b);
      if (tok == "*") st.push_back(a * b);
      if (tok == "/") {
        if (b == 0) return false;
        st.push_back(a / b);
      }
    } else {
      st.push_back(std::stoll(tok));
    }
  }
  if (st.size() != 1) return false;
  result = st.back();
  return true;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    long long r;
    if (evaluate(line, r)) {
      std::cout << r << "\n";
    } else {
      std::cout << "error\n";
    }
  }
  return 0;
}
''',
bug=("      long long a = st.back();\n      st.pop_back();\n", "      long long a = st.back();\n"),
visible=["3 4 +\n", "5 1 2 + 4 * + 3 -\n", "+\n"],
hidden=["42\n", "1 2\n", "10 2 /\n", "7 0 /\n", "2 3 4 * *\n", "-3 -4 -\n", "9 3 / 2 -\n"],
))

TASKS.append(task(
id="bubble-sort", kind="missing-statement", token=False,
about="""
# bubble-sort

`main.cc` reads integers, sorts them with bubble sort (stopping early after a pass without
swaps), and prints the sorted numbers on one line followed by a line `swaps: N`, the number
of swaps performed (which equals the number of inversions).
""",
src=r'''
#include <iostream>
#include <utility>
#include <vector>

long long bubbleSort(std::vector<long long>& v) {
  long long swaps = 0;
  bool swapped = true;
  for (std::size_t pass = 0; swapped && pass + 1 < v.size(); ++pass) {
    swapped = false;
    for (std::size_t i = 0; i + 1 < v.size() - pass; ++i) {
      if (v[i] > v[i + 1]) {
        std::swap(v[i], v[i + 1]);
        ++swaps;
        swapped = true;
      }
    }
  }
  return swaps;
}

int main() {
  std::vector<long long> v;
  long long x;
  while (std::cin >> x) v.push_back(x);
  long long swaps = bubbleSort(v);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) std::cout << " ";
    std::cout << v[i];
  }
  std::cout << "\nswaps: " << swaps << "\n";
  return 0;
}
''',
bug=("        ++swaps;\n        swapped = true;\n", "        ++swaps;\n"),
visible=["3 1 2\n", "1 2 3\n", "5 4 3 2 1\n"],
hidden=["", "7\n", "2 1\n", "4 1 3 2\n", "1 1 1 0\n", "9 -1 8 -2 7 -3\n", "3 3 1 2\n"],
))

TASKS.append(task(
id="inventory", kind="missing-statement", token=False,
about="""
# inventory

`main.cc` keeps a stock list. Commands, one per line: `add ITEM N` adds `N` units;
`remove ITEM N` removes `N` units if that many are in stock (otherwise it prints
`not enough ITEM` and changes nothing); `report` prints every item in stock in alphabetical
order as `ITEM: N`, then `--`. Items whose quantity drops to zero are no longer in stock and
are not reported.
""",
src=r'''
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
      if (it->second == 0) stock.erase(it);
    } else if (cmd == "report") {
      for (const auto& [name, qty] : stock) std::cout << name << ": " << qty << "\n";
      std::cout << "--\n";
    }
  }
  return 0;
}
''',
bug=("      if (it->second == 0) stock.erase(it);\n", ""),
visible=["add nail 5\nremove nail 5\nreport\n", "add cup 2\nreport\n", "remove pen 1\nreport\n"],
hidden=["add a 1\nadd b 2\nremove a 1\nreport\n", "add x 3\nremove x 4\nreport\n",
        "add x 3\nremove x 1\nremove x 2\nremove x 1\nreport\n", "report\n",
        "add b 1\nadd a 1\nremove b 1\nadd b 2\nreport\n", "add q 10\nremove q 3\nreport\n"],
))

TASKS.append(task(
id="rotate-matrix", kind="missing-statement", token=False,
about="""
# rotate-matrix

`main.cc` reads `n` and an `n x n` integer matrix and prints it rotated 90 degrees
clockwise (the first column, read bottom to top, becomes the first row). It rotates in
place: transpose, then reverse each row.
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <utility>
#include <vector>

void rotateClockwise(std::vector<std::vector<long long>>& m) {
  std::size_t n = m.size();
  for (std::size_t i = 0; i < n; ++i)
    for (std::size_t j = i + 1; j < n; ++j) std::swap(m[i][j], m[j][i]);
  for (auto& row : m) std::reverse(row.begin(), row.end());
}

int main() {
  std::size_t n;
  if (!(std::cin >> n)) return 0;
  std::vector<std::vector<long long>> m(n, std::vector<long long>(n));
  for (auto& row : m)
    for (auto& x : row) std::cin >> x;
  rotateClockwise(m);
  for (const auto& row : m) {
    for (std::size_t j = 0; j < n; ++j) {
      if (j) std::cout << " ";
      std::cout << row[j];
    }
    std::cout << "\n";
  }
  return 0;
}
''',
bug=("  for (auto& row : m) std::reverse(row.begin(), row.end());\n", ""),
visible=["2\n1 2\n3 4\n", "1\n9\n", "3\n1 2 3\n4 5 6\n7 8 9\n"],
hidden=["0\n", "2\n1 1\n1 1\n", "4\n1 2 3 4\n5 6 7 8\n9 10 11 12\n13 14 15 16\n", "2\n0 1\n0 0\n", "3\n1 0 0\n0 1 0\n0 0 1\n", "3\n-1 -2 -3\n0 0 0\n1 2 3\n"],
))

TASKS.append(task(
id="fraction-add", kind="missing-statement", token=False,
about="""
# fraction-add

`main.cc` reads lines `a/b c/d` (integers, denominators non-zero, possibly negative) and
prints the sum in lowest terms as `p/q` with `q > 0`; a whole number prints without the
denominator (`3`, `0`, `-2`).
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <numeric>
#include <string>

void printFraction(long long num, long long den) {
  if (den < 0) {
    num = -num;
    den = -den;
  }
  long long g = std::gcd(num, den);
  if (g != 0) {
    num /= g;
    den /= g;
  }
  if (den == 1) {
    std::cout << num << "\n";
  } else {
    std::cout << num << "/" << den << "\n";
  }
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    long long a, b, c, d;
    if (std::sscanf(line.c_str(), "%lld/%lld %lld/%lld", &a, &b, &c, &d) != 4) continue;
    printFraction(a * d + c * b, b * d);
  }
  return 0;
}
''',
bug=("  if (den < 0) {\n    num = -num;\n    den = -den;\n  }\n", ""),
visible=["1/2 1/3\n", "1/-2 1/4\n", "2/4 1/2\n"],
hidden=["0/5 0/7\n", "-1/2 1/2\n", "3/-4 -1/-4\n", "1/-3 1/-3\n", "5/6 7/-10\n", "-2/-3 1/3\n", "1/1 1/1\n"],
))
