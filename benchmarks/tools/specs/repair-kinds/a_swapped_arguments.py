TASKS = []

TASKS.append(task(
id="clamp-readings", kind="swapped-arguments", token=False,
about="""
# clamp-readings

`main.cc` reads a first line `lo hi` and then one integer reading per line, and prints each
reading clamped to the range `[lo, hi]`: readings below `lo` print as `lo`, readings above
`hi` as `hi`, the others unchanged. The last line is `clamped N`, the number of readings
that were changed.
""",
src=r'''
#include <iostream>

long long clampTo(long long x, long long lo, long long hi) {
  if (x < lo) return lo;
  if (x > hi) return hi;
  return x;
}

int main() {
  long long lo, hi;
  if (!(std::cin >> lo >> hi)) return 0;
  long long x;
  int changed = 0;
  while (std::cin >> x) {
    long long y = clampTo(x, lo, hi);
    if (y != x) ++changed;
    std::cout << y << "\n";
  }
  std::cout << "clamped " << changed << "\n";
  return 0;
}
''',
bug=("clampTo(x, lo, hi)", "clampTo(x, hi, lo)"),
visible=["0 10\n5\n-3\n12\n", "1 5\n1\n5\n3\n", "-5 5\n-10\n10\n0\n"],
hidden=["0 100\n50\n", "10 20\n9\n21\n15\n10\n20\n", "-100 -50\n-75\n-200\n0\n", "7 7\n7\n6\n8\n",
        "0 1000000\n999999\n1000001\n-1\n"],
))

TASKS.append(task(
id="field-slices", kind="swapped-arguments", token=False,
about="""
# field-slices

`main.cc` reads a first line of text and then lines `start length`, and prints for each the
part of the text that starts at index `start` (from 0) and is `length` characters long,
in brackets, e.g. `[ell]` for `1 3` and the text `hello`. A slice that runs past the end
stops at the end; a start past the end prints `[]`.
""",
src=r'''
#include <iostream>
#include <string>

std::string slice(const std::string& text, std::size_t start, std::size_t length) {
  if (start >= text.size()) return "";
  return text.substr(start, length);
}

int main() {
  std::string text;
  if (!std::getline(std::cin, text)) return 0;
  std::size_t start, length;
  while (std::cin >> start >> length) {
    std::cout << "[" << slice(text, start, length) << "]\n";
  }
  return 0;
}
''',
bug=("text.substr(start, length)", "text.substr(length, start)"),
visible=["hello world\n1 3\n0 5\n6 5\n", "abcdef\n2 2\n", "abc\n0 3\n5 1\n"],
hidden=["abcdefgh\n3 1\n1 4\n", "x\n0 1\n", "the quick brown fox\n4 5\n10 20\n16 3\n", "abcdef\n0 0\n3 3\n",
        "mississippi\n2 7\n"],
))

TASKS.append(task(
id="grid-walk", kind="swapped-arguments", token=False,
about="""
# grid-walk

`main.cc` reads points `x y`, one per line, and prints the Manhattan distance from each
point to the previous one (the first point is measured from `0 0`), and on the last line
`total D`, the length of the whole walk.
""",
src=r'''
#include <cstdlib>
#include <iostream>

long long manhattan(long long x1, long long y1, long long x2, long long y2) {
  return std::llabs(x1 - x2) + std::llabs(y1 - y2);
}

int main() {
  long long px = 0, py = 0, x, y, total = 0;
  while (std::cin >> x >> y) {
    long long d = manhattan(px, py, x, y);
    std::cout << d << "\n";
    total += d;
    px = x;
    py = y;
  }
  std::cout << "total " << total << "\n";
  return 0;
}
''',
bug=("manhattan(px, py, x, y)", "manhattan(px, x, py, y)"),
visible=["3 4\n", "1 0\n1 5\n", "0 2\n-3 2\n"],
hidden=["0 0\n", "5 0\n5 0\n", "-1 -1\n2 3\n-4 0\n", "10 -10\n", "2 7\n7 2\n0 0\n"],
))

TASKS.append(task(
id="range-average", kind="swapped-arguments", token=False,
about="""
# range-average

`main.cc` reads a first line with integers, then lines `from to` (indexes from 0, both
included), and prints for each the average of the numbers at indexes `from..to` with two
decimals. A range that is empty or outside the list prints `bad range`.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

bool average(const std::vector<long long>& v, long long from, long long to, double& out) {
  if (from < 0 || to >= static_cast<long long>(v.size()) || from > to) return false;
  long long sum = 0;
  for (long long i = from; i <= to; ++i) sum += v[i];
  out = static_cast<double>(sum) / static_cast<double>(to - from + 1);
  return true;
}

int main() {
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  std::istringstream in(line);
  std::vector<long long> v;
  long long x;
  while (in >> x) v.push_back(x);
  long long from, to;
  while (std::cin >> from >> to) {
    double avg = 0;
    if (average(v, from, to, avg)) std::printf("%.2f\n", avg);
    else std::printf("bad range\n");
  }
  return 0;
}
''',
bug=("average(v, from, to, avg)", "average(v, to, from, avg)"),
visible=["1 2 3 4\n0 3\n", "5 5 5\n1 1\n", "10 20 30\n0 1\n2 2\n"],
hidden=["1 2 3 4 5 6\n1 4\n0 5\n", "7\n0 0\n", "1 2 3\n2 1\n", "4 8 15 16 23 42\n3 5\n0 9\n", "-5 5\n0 1\n"],
))
