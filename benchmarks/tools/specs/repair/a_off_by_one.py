TASKS = []

TASKS.append(task(
id="sum-range", kind="off-by-one", token=True,
about="""
# sum-range

`main.cc` reads pairs of integers `a b` (one pair per line, until end of input) and prints,
for each pair, the sum of all integers from `a` to `b` inclusive. If `a > b` the range is
empty and the sum is 0. Values fit in 32 bits, sums in 64 bits.
""",
src=r'''
#include <iostream>

// Sum of the integers a, a+1, ..., b (0 when the range is empty).
long long rangeSum(long long a, long long b) {
  long long total = 0;
  for (long long i = a; i <= b; ++i) {
    total += i;
  }
  return total;
}

int main() {
  long long a, b;
  while (std::cin >> a >> b) {
    std::cout << rangeSum(a, b) << "\n";
  }
  return 0;
}
''',
bug=("i <= b;", "i < b;"),
visible=["1 10\n", "5 5\n", "3 2\n"],
hidden=["-3 3\n", "0 0\n", "-5 -1\n", "100 200\n", "7 6\n1 1\n2 4\n", "10 1\n"],
))

TASKS.append(task(
id="moving-average", kind="off-by-one", token=True,
about="""
# moving-average

`main.cc` reads `n k` followed by `n` integers, and prints the average of every window of
`k` consecutive values, in order, one per line with two decimals. There are `n - k + 1`
windows when `k <= n`, and none otherwise (then it prints nothing).
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <vector>

int main() {
  int n, k;
  if (!(std::cin >> n >> k)) return 0;
  std::vector<long long> v(n);
  for (auto& x : v) std::cin >> x;
  if (k <= 0 || k > n) return 0;
  long long window = 0;
  for (int i = 0; i < k; ++i) window += v[i];
  std::printf("%.2f\n", static_cast<double>(window) / k);
  for (int i = k; i < n; ++i) {
    window += v[i] - v[i - k];
    std::printf("%.2f\n", static_cast<double>(window) / k);
  }
  return 0;
}
''',
bug=("v[i - k];", "v[i - k + 1];"),
visible=["5 2\n1 2 3 4 5\n", "3 3\n4 5 6\n", "4 1\n9 8 7 6\n"],
hidden=["6 3\n1 -1 1 -1 1 -1\n", "2 3\n1 2\n", "1 1\n42\n", "7 4\n10 20 30 40 50 60 70\n",
        "5 5\n1 1 1 1 1\n", "8 2\n0 0 5 0 0 5 0 0\n"],
))

TASKS.append(task(
id="substring-count", kind="off-by-one", token=True,
about="""
# substring-count

`main.cc` reads a pattern on the first line and then any number of text lines. For each
text line it prints how many times the pattern occurs in it, counting overlapping
occurrences ("aa" occurs 3 times in "aaaa"). An empty pattern occurs 0 times.
""",
src=r'''
#include <iostream>
#include <string>

int countOccurrences(const std::string& text, const std::string& pat) {
  if (pat.empty() || pat.size() > text.size()) return 0;
  int count = 0;
  for (std::size_t i = 0; i + pat.size() <= text.size(); ++i) {
    if (text.compare(i, pat.size(), pat) == 0) ++count;
  }
  return count;
}

int main() {
  std::string pat, line;
  std::getline(std::cin, pat);
  while (std::getline(std::cin, line)) {
    std::cout << countOccurrences(line, pat) << "\n";
  }
  return 0;
}
''',
bug=("i + pat.size() <= text.size()", "i + pat.size() < text.size()"),
visible=["ab\nabcab\nxyz\n", "aa\naaaa\n", "cat\nconcatenate\n"],
hidden=["x\nx\n", "abc\nabc\n", "na\nbanana\n", "aba\nababa\nab\n", "q\nqqq q\n", "long\nlo\n",
        "end\nthe end\n"],
))

TASKS.append(task(
id="tail-lines", kind="off-by-one", token=True,
about="""
# tail-lines

`main.cc` is a tiny `tail`: the first line of input is a number `k`; it then prints the last
`k` lines of the remaining input, in their original order. If fewer than `k` lines remain,
it prints all of them.
""",
src=r'''
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::string first;
  if (!std::getline(std::cin, first)) return 0;
  int k = std::stoi(first);
  std::vector<std::string> lines;
  std::string line;
  while (std::getline(std::cin, line)) lines.push_back(line);
  int n = static_cast<int>(lines.size());
  int start = n - k;
  if (start < 0) start = 0;
  for (int i = start; i < n; ++i) std::cout << lines[i] << "\n";
  return 0;
}
''',
bug=("int start = n - k;", "int start = n - k + 1;"),
visible=["2\na\nb\nc\n", "5\none\ntwo\n", "1\nx\ny\n"],
hidden=["3\n1\n2\n3\n4\n5\n", "0\na\nb\n", "4\np\nq\nr\ns\n", "2\nonly\n", "3\n", "1\nlast\n"],
))

TASKS.append(task(
id="histogram-buckets", kind="off-by-one", token=True,
about="""
# histogram-buckets

`main.cc` reads `lo hi b` and then integers until end of input. It splits `[lo, hi]` into
`b` buckets of equal width `w = (hi - lo + 1) / b` (the input guarantees `hi - lo + 1` is a
multiple of `b`), counts the values falling in each bucket, and prints one line per bucket:
`start-end: count`. Values outside `[lo, hi]` are ignored.
""",
src=r'''
#include <iostream>
#include <vector>

int main() {
  long long lo, hi, b;
  if (!(std::cin >> lo >> hi >> b)) return 0;
  long long width = (hi - lo + 1) / b;
  std::vector<long long> count(b, 0);
  long long x;
  while (std::cin >> x) {
    if (x < lo || x > hi) continue;
    count[(x - lo) / width]++;
  }
  for (long long i = 0; i < b; ++i) {
    long long start = lo + i * width;
    long long end = start + width - 1;
    std::cout << start << "-" << end << ": " << count[i] << "\n";
  }
  return 0;
}
''',
bug=("long long end = start + width - 1;", "long long end = start + width;"),
visible=["0 9 2\n1 2 7\n", "1 100 4\n5 50 99 100 1\n", "10 19 1\n12 15\n"],
hidden=["0 5 3\n0 1 2 3 4 5\n", "-10 9 4\n-10 -6 -5 0 9 20\n", "1 6 6\n6 6 1\n", "0 99 10\n",
        "5 14 2\n4 5 9 10 14 15\n"],
))

TASKS.append(task(
id="rotate-left", kind="off-by-one", token=True,
about="""
# rotate-left

`main.cc` reads `n k` and `n` integers, rotates the array left by `k` positions (the element
at index `k mod n` becomes the first) and prints the result on one line, separated by
spaces. `k` may be larger than `n`; `n` is at least 1.
""",
src=r'''
#include <iostream>
#include <vector>

std::vector<int> rotateLeft(const std::vector<int>& v, long long k) {
  int n = static_cast<int>(v.size());
  std::vector<int> out(n);
  int shift = static_cast<int>(k % n);
  for (int i = 0; i < n; ++i) {
    out[i] = v[(i + shift) % n];
  }
  return out;
}

int main() {
  int n;
  long long k;
  std::cin >> n >> k;
  std::vector<int> v(n);
  for (auto& x : v) std::cin >> x;
  std::vector<int> r = rotateLeft(v, k);
  for (int i = 0; i < n; ++i) {
    if (i) std::cout << " ";
    std::cout << r[i];
  }
  std::cout << "\n";
  return 0;
}
''',
bug=("v[(i + shift) % n]", "v[(i + shift + 1) % n]"),
visible=["5 2\n1 2 3 4 5\n", "3 0\n7 8 9\n", "4 4\n1 2 3 4\n"],
hidden=["1 100\n5\n", "6 13\n1 2 3 4 5 6\n", "2 1\n-1 1\n", "5 5\n9 8 7 6 5\n", "4 3\n0 1 2 3\n"],
))

TASKS.append(task(
id="range-sum-queries", kind="off-by-one", token=True,
about="""
# range-sum-queries

`main.cc` reads `n q`, then `n` integers `a[1..n]`, then `q` queries `l r` (1-based,
`1 <= l <= r <= n`). For each query it prints `a[l] + ... + a[r]`, using prefix sums.
""",
src=r'''
#include <iostream>
#include <vector>

int main() {
  int n, q;
  std::cin >> n >> q;
  std::vector<long long> prefix(n + 1, 0);
  for (int i = 1; i <= n; ++i) {
    long long x;
    std::cin >> x;
    prefix[i] = prefix[i - 1] + x;
  }
  while (q-- > 0) {
    int l, r;
    std::cin >> l >> r;
    std::cout << prefix[r] - prefix[l - 1] << "\n";
  }
  return 0;
}
''',
bug=("prefix[r] - prefix[l - 1]", "prefix[r] - prefix[l]"),
visible=["5 2\n1 2 3 4 5\n1 5\n2 2\n", "3 1\n10 20 30\n2 3\n", "1 1\n7\n1 1\n"],
hidden=["4 3\n-1 -2 -3 -4\n1 1\n1 4\n3 4\n", "6 2\n5 0 5 0 5 0\n2 5\n6 6\n",
        "2 2\n1000000000 1000000000\n1 2\n2 2\n", "5 1\n1 1 1 1 1\n3 3\n"],
))

TASKS.append(task(
id="pascal-row", kind="off-by-one", token=True,
about="""
# pascal-row

`main.cc` reads integers `n` (0 <= n <= 60), one per line, and for each prints row `n` of
Pascal's triangle: the `n + 1` binomial coefficients C(n,0) ... C(n,n), separated by spaces.
Row 0 is `1`.
""",
src=r'''
#include <iostream>
#include <vector>

std::vector<unsigned long long> pascalRow(int n) {
  std::vector<unsigned long long> row(n + 1, 0);
  row[0] = 1;
  for (int i = 1; i <= n; ++i) {
    for (int j = i; j >= 1; --j) {
      row[j] += row[j - 1];
    }
  }
  return row;
}

int main() {
  int n;
  while (std::cin >> n) {
    std::vector<unsigned long long> row = pascalRow(n);
    for (std::size_t j = 0; j < row.size(); ++j) {
      if (j) std::cout << " ";
      std::cout << row[j];
    }
    std::cout << "\n";
  }
  return 0;
}
''',
bug=("for (int j = i; j >= 1; --j)", "for (int j = i; j > 1; --j)"),
visible=["0\n", "1\n", "4\n"],
hidden=["2\n", "3\n", "10\n", "60\n", "5\n0\n", "7\n"],
))

TASKS.append(task(
id="first-at-least", kind="off-by-one", token=True,
about="""
# first-at-least

`main.cc` reads `n`, then `n` integers sorted in non-decreasing order, then queries `x`
until end of input. For each query it prints the 0-based index of the first element that
is `>= x`, or `n` if every element is smaller (like `std::lower_bound`). It uses its own
binary search.
""",
src=r'''
#include <iostream>
#include <vector>

int firstAtLeast(const std::vector<long long>& v, long long x) {
  int lo = 0;
  int hi = static_cast<int>(v.size());
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (v[mid] < x) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  return lo;
}

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> v(n);
  for (auto& x : v) std::cin >> x;
  long long q;
  while (std::cin >> q) std::cout << firstAtLeast(v, q) << "\n";
  return 0;
}
''',
bug=("int hi = static_cast<int>(v.size());", "int hi = static_cast<int>(v.size()) - 1;"),
visible=["5\n1 3 5 7 9\n4\n1\n", "3\n2 2 2\n2\n3\n", "4\n10 20 30 40\n50\n"],
hidden=["1\n5\n5\n6\n4\n", "6\n1 1 2 2 3 3\n2\n3\n4\n0\n", "0\n\n7\n", "5\n-5 -3 0 3 5\n5\n6\n-6\n",
        "2\n1 2\n3\n2\n"],
))

TASKS.append(task(
id="digits-reverse", kind="off-by-one", token=True,
about="""
# digits-reverse

`main.cc` reads non-negative decimal numbers as strings (one per line, possibly with
leading zeros, up to 100 digits) and prints each with its digits reversed, dropping leading
zeros of the result (but printing `0` for zero). E.g. `1200` -> `21`, `007` -> `700`.
""",
src=r'''
#include <iostream>
#include <string>

std::string reverseDigits(const std::string& s) {
  std::string r;
  for (int i = static_cast<int>(s.size()) - 1; i >= 0; --i) r += s[i];
  std::size_t first = 0;
  while (first + 1 < r.size() && r[first] == '0') ++first;
  return r.substr(first);
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    std::cout << reverseDigits(line) << "\n";
  }
  return 0;
}
''',
bug=("for (int i = static_cast<int>(s.size()) - 1; i >= 0; --i)", "for (int i = static_cast<int>(s.size()) - 1; i > 0; --i)"),
visible=["123\n", "1200\n", "5\n"],
hidden=["0\n", "000\n", "007\n", "9876543210\n", "10\n", "100000000000000000000000000000000000001\n", "42\n"],
))
