TASKS = []

TASKS.append(task(
id="number-words", kind="edge-case-return", token=False,
about="""
# number-words

`main.cc` reads integers from 0 to 999, one per line, and prints them in English words:
`0` -> `zero`, `7` -> `seven`, `15` -> `fifteen`, `40` -> `forty`, `42` -> `forty-two`,
`300` -> `three hundred`, `305` -> `three hundred five`, `999` -> `nine hundred ninety-nine`.
Numbers outside the range print `out of range`.
""",
src=r'''
#include <iostream>
#include <string>

const char* kOnes[] = {"",        "one",     "two",       "three",    "four",
                       "five",    "six",     "seven",     "eight",    "nine",
                       "ten",     "eleven",  "twelve",    "thirteen", "fourteen",
                       "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
const char* kTens[] = {"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};

// Words for 1..99 (empty for 0).
std::string belowHundred(int n) {
  if (n < 20) return kOnes[n];
  std::string s = kTens[n / 10];
  if (n % 10 != 0) s += std::string("-") + kOnes[n % 10];
  return s;
}

std::string words(int n) {
  if (n == 0) return "zero";
  std::string s;
  if (n >= 100) {
    s = std::string(kOnes[n / 100]) + " hundred";
    if (n % 100 != 0) s += " ";
  }
  return s + belowHundred(n % 100);
}

int main() {
  long n;
  while (std::cin >> n) {
    if (n < 0 || n > 999) {
      std::cout << "out of range\n";
    } else {
      std::cout << words(static_cast<int>(n)) << "\n";
    }
  }
  return 0;
}
''',
bug=('  if (n == 0) return "zero";\n', ""),
visible=["42\n", "0\n", "305\n"],
hidden=["7\n", "15\n", "40\n", "300\n", "999\n", "0\n100\n", "1000\n", "19\n"],
))

TASKS.append(task(
id="line-mean", kind="edge-case-return", token=False,
about="""
# line-mean

`main.cc` reads lines of numbers and prints, for each line, the mean with two decimals, or
`n/a` for a line without numbers. It parses numbers with `std::stod`, skipping tokens that
are not numbers.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

// Mean of the numeric tokens of line; returns false if there are none.
bool lineMean(const std::string& line, double& mean) {
  std::istringstream in(line);
  std::string tok;
  double sum = 0;
  int count = 0;
  while (in >> tok) {
    try {
      std::size_t used = 0;
      double v = std::stod(tok, &used);
      if (used != tok.size()) continue;
      sum += v;
      ++count;
    } catch (const std::exception&) {
    }
  }
  if (count == 0) return false;
  mean = sum / count;
  return true;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    double m = 0;
    if (lineMean(line, m)) {
      std::printf("%.2f\n", m);
    } else {
      std::printf("n/a\n");
    }
  }
  return 0;
}
''',
bug=("  if (count == 0) return false;\n  mean = sum / count;", "  if (count == 0) return true;\n  mean = sum / count;"),
visible=["1 2 3 4\n", "\n", "2.5 x 3.5\n"],
hidden=["abc\n", "-1 1\n", "10\n", "1e3 0\n", "  \n", "nan? 4 5\n", "x y z\n"],
))

TASKS.append(task(
id="binary-gap", kind="edge-case-return", token=False,
about="""
# binary-gap

`main.cc` reads non-negative integers (below 2^63), one per line, and prints the length of
the longest binary gap of each: the longest run of zeros bounded by ones on both sides in
its binary form. `9` (1001) -> 2, `20` (10100) -> 1, `32` (100000) -> 0, `0` -> 0.
""",
src=r'''
#include <iostream>

int longestGap(unsigned long long n) {
  // Drop the trailing zeros: they have no one on their right.
  while (n != 0 && (n & 1) == 0) n >>= 1;
  int best = 0;
  int run = 0;
  while (n != 0) {
    if (n & 1) {
      if (run > best) best = run;
      run = 0;
    } else {
      ++run;
    }
    n >>= 1;
  }
  return best;
}

int main() {
  unsigned long long n;
  while (std::cin >> n) std::cout << longestGap(n) << "\n";
  return 0;
}
''',
bug=("  while (n != 0 && (n & 1) == 0) n >>= 1;\n", ""),
visible=["9\n", "32\n", "20\n"],
hidden=["0\n", "1\n", "1041\n", "6\n", "328\n", "1024\n", "4611686018427387904\n", "529\n"],
))

TASKS.append(task(
id="pad-columns", kind="swapped-arguments", token=False,
about="""
# pad-columns

`main.cc` formats a table. Input lines hold whitespace-separated cells. It prints every row
with the cells of each column right-aligned to the width of that column's widest cell,
columns separated by ` | `. Rows with fewer cells are padded with empty cells.
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::vector<std::vector<std::string>> rows;
  std::string line;
  std::size_t columns = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<std::string> cells;
    std::string cell;
    while (in >> cell) cells.push_back(cell);
    columns = std::max(columns, cells.size());
    rows.push_back(cells);
  }
  std::vector<std::size_t> width(columns, 0);
  for (auto& r : rows) {
    r.resize(columns);
    for (std::size_t c = 0; c < columns; ++c) width[c] = std::max(width[c], r[c].size());
  }
  for (const auto& r : rows) {
    std::string out;
    for (std::size_t c = 0; c < columns; ++c) {
      if (c) out += " | ";
      out += std::string(width[c] - r[c].size(), ' ') + r[c];
    }
    std::cout << out << "\n";
  }
  return 0;
}
''',
bug=("std::string(width[c] - r[c].size(), ' ')", "std::string(' ', width[c] - r[c].size())"),
visible=["a bb\nccc d\n", "x\n", "1 22 333\n4444 5 66\n"],
hidden=["\n", "name age\nalexander 7\nbo 100\n", "a b c\nd\n", "same same\nsize size\n", "one\ntwo three\n"],
))

TASKS.append(task(
id="base-to-decimal", kind="swapped-arguments", token=False,
about="""
# base-to-decimal

`main.cc` reads lines `base digits` (base from 2 to 36; digits `0-9` then `a-z`, case
insensitive) and prints the value in decimal (values fit in 63 bits). A digit not valid in
the base prints `invalid`.
""",
src=r'''
#include <cctype>
#include <iostream>
#include <string>

long long ipow(long long base, int exp) {
  long long r = 1;
  while (exp-- > 0) r *= base;
  return r;
}

int digitValue(char c) {
  c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  return 99;
}

int main() {
  int base;
  std::string digits;
  while (std::cin >> base >> digits) {
    long long value = 0;
    bool ok = base >= 2 && base <= 36;
    int n = static_cast<int>(digits.size());
    for (int i = 0; i < n && ok; ++i) {
      int d = digitValue(digits[i]);
      if (d >= base) ok = false;
      else value += d * ipow(base, n - 1 - i);
    }
    if (ok) {
      std::cout << value << "\n";
    } else {
      std::cout << "invalid\n";
    }
  }
  return 0;
}
''',
bug=("value += d * ipow(base, n - 1 - i);", "value += d * ipow(n - 1 - i, base);"),
visible=["2 101\n", "16 ff\n", "10 7\n"],
hidden=["8 777\n", "36 z\n", "36 10\n", "2 2\n", "16 DeadBeef\n", "3 0\n", "10 1000000\n", "5 44\n"],
))

TASKS.append(task(
id="date-to-iso", kind="swapped-arguments", token=False,
about="""
# date-to-iso

`main.cc` reads European dates `DD.MM.YYYY` (one or two digit day and month) and prints
them in ISO 8601 form `YYYY-MM-DD`. Lines that are not dates, or whose month is not 1..12
or day not 1..31, print `invalid`.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

std::string iso(int year, int month, int day) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int d, m, y;
    char tail;
    if (std::sscanf(line.c_str(), "%d.%d.%d%c", &d, &m, &y, &tail) != 3 || m < 1 || m > 12 ||
        d < 1 || d > 31 || y < 0 || y > 9999) {
      std::cout << "invalid\n";
      continue;
    }
    std::cout << iso(y, m, d) << "\n";
  }
  return 0;
}
''',
bug=("std::cout << iso(y, m, d)", "std::cout << iso(y, d, m)"),
visible=["24.12.2023\n", "1.1.2000\n", "5.13.2020\n"],
hidden=["7.7.1999\n", "31.1.2024\n", "01.02.0003\n", "0.5.2020\n", "12.11.2010\n", "hello\n", "3.4.2021x\n"],
))

TASKS.append(task(
id="sum-of-squares", kind="integer-overflow", token=False,
about="""
# sum-of-squares

`main.cc` reads integers `n` (0 <= n <= 2000000), one per line, and prints
`1^2 + 2^2 + ... + n^2` and `(1 + 2 + ... + n)^2 - (1^2 + ... + n^2)` separated by a space.
All results fit in 64 bits.
""",
src=r'''
#include <iostream>

int main() {
  long long n;
  while (std::cin >> n) {
    if (n < 0) continue;
    long long sumSquares = 0;
    long long sum = 0;
    for (long long i = 1; i <= n; ++i) {
      sumSquares += i * i;
      sum += i;
    }
    unsigned long long squareOfSum = static_cast<unsigned long long>(sum) * sum;
    std::cout << sumSquares << " " << squareOfSum - sumSquares << "\n";
  }
  return 0;
}
''',
bug=("    long long sumSquares = 0;\n    long long sum = 0;\n    for (long long i = 1;", "    long long sumSquares = 0;\n    long long sum = 0;\n    for (int i = 1;"),
visible=["3\n", "10\n", "100000\n"],
hidden=["0\n", "1\n", "46341\n", "50000\n", "2000000\n", "1000\n"],
))

TASKS.append(task(
id="unix-timestamp", kind="integer-overflow", token=False,
about="""
# unix-timestamp

`main.cc` reads lines `YYYY-MM-DD HH:MM:SS` (UTC, years 1970 to 9999) and prints the Unix
timestamp: seconds since 1970-01-01 00:00:00, ignoring leap seconds.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

long long daysBefore(int year, int month, int day) {
  static const int kCum[12] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  long long days = 0;
  for (int y = 1970; y < year; ++y) days += isLeap(y) ? 366 : 365;
  days += kCum[month - 1];
  if (month > 2 && isLeap(year)) ++days;
  return days + day - 1;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y, mo, d, h, mi, s;
    if (std::sscanf(line.c_str(), "%d-%d-%d %d:%d:%d", &y, &mo, &d, &h, &mi, &s) != 6) continue;
    long long days = daysBefore(y, mo, d);
    long long seconds = days * 86400LL + h * 3600LL + mi * 60LL + s;
    std::cout << seconds << "\n";
  }
  return 0;
}
''',
bug=("long long seconds = days * 86400LL + h * 3600LL", "long long seconds = static_cast<int>(days) * 86400 + h * 3600LL"),
visible=["1970-01-01 00:00:00\n", "2000-01-01 00:00:00\n", "2040-06-01 10:00:00\n"],
hidden=["1970-01-02 00:00:01\n", "2038-01-19 03:14:07\n", "2024-02-29 12:34:56\n", "2100-03-01 00:00:00\n",
        "9999-12-31 23:59:59\n", "2001-09-09 01:46:40\n"],
))

TASKS.append(task(
id="paragraph-stats", kind="missing-init", token=False,
about="""
# paragraph-stats

`main.cc` reads text in paragraphs separated by blank lines and prints, for each paragraph,
`paragraph N: W words, S sentences`, where words are whitespace-separated tokens and
sentences are counted by the tokens ending in `.`, `!` or `?`.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>

int main() {
  std::string line;
  int paragraph = 0;
  long words = 0, sentences = 0;
  bool open = false;
  auto flush = [&]() {
    if (!open) return;
    ++paragraph;
    std::cout << "paragraph " << paragraph << ": " << words << " words, " << sentences
              << " sentences\n";
    words = 0;
    sentences = 0;
    open = false;
  };
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string tok;
    bool any = false;
    while (in >> tok) {
      any = true;
      ++words;
      char last = tok.back();
      if (last == '.' || last == '!' || last == '?') ++sentences;
    }
    if (any) {
      open = true;
    } else {
      flush();
    }
  }
  flush();
  return 0;
}
''',
bug=("    words = 0;\n    sentences = 0;\n", ""),
visible=["One two. Three!\n\nFour five?\n", "Hello world.\n", "a b\n\n\nc d e.\n"],
hidden=["", "\n\n", "x.\n\ny.\n\nz.\n", "Long one here\nstill going. Done!\n\nShort.\n", "No end\n", "A. B. C.\n\n\n\nD\n"],
))

TASKS.append(task(
id="grep-all", kind="extra-statement", token=False,
about="""
# grep-all

`main.cc` is a small `grep -n -i`: the first input line is a search word; every following
line that contains the word, ignoring case, is printed as `LINE: text` where `LINE` is its
1-based number among the following lines. At the end it prints `N matches`.
""",
src=r'''
#include <algorithm>
#include <cctype>
#include <iostream>
#include <string>

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

int main() {
  std::string word;
  if (!std::getline(std::cin, word)) return 0;
  word = lower(word);
  std::string line;
  long number = 0, matches = 0;
  while (std::getline(std::cin, line)) {
    ++number;
    if (lower(line).find(word) != std::string::npos) {
      std::cout << number << ": " << line << "\n";
      ++matches;
    }
  }
  std::cout << matches << " matches\n";
  return 0;
}
''',
bug=("      ++matches;\n    }\n", "      ++matches;\n      break;\n    }\n"),
visible=["cat\nthe cat\na dog\nCATALOG\n", "x\nnothing\n", "an\nbanana\nand\n"],
hidden=["q\n", "a\na\nb\na\n", "Hello\nsay hello\nHELLO there\nbye\n", "ab\nab ab\nxx\nb a\nAB\n", "z\nzz\n", "it\nbit\nsit\nkit\nfit\n"],
))
