TASKS = []

TASKS.append(task(
id="thousands-separator", kind="edge-case-return", token=False,
about="""
# thousands-separator

`main.cc` reads 64-bit integers, one per line, and prints each with commas between groups
of three digits: `1234567` -> `1,234,567`, `-1234` -> `-1,234`, `999` -> `999`.
""",
src=r'''
#include <iostream>
#include <string>

std::string groupDigits(const std::string& digits) {
  std::string out;
  int lead = static_cast<int>(digits.size() % 3);
  if (lead == 0) lead = 3;
  out = digits.substr(0, lead);
  for (std::size_t i = lead; i < digits.size(); i += 3) out += "," + digits.substr(i, 3);
  return out;
}

std::string withCommas(long long n) {
  if (n < 0) {
    // Negate as unsigned so that the smallest value works too.
    unsigned long long m = 0ULL - static_cast<unsigned long long>(n);
    return "-" + groupDigits(std::to_string(m));
  }
  return groupDigits(std::to_string(n));
}

int main() {
  long long n;
  while (std::cin >> n) std::cout << withCommas(n) << "\n";
  return 0;
}
''',
bug=('return "-" + groupDigits(std::to_string(m));', 'return groupDigits(std::to_string(m));'),
visible=["1234567\n", "-1234\n", "999\n"],
hidden=["0\n", "-5\n", "1000\n", "-999999\n", "-9223372036854775808\n", "9223372036854775807\n", "100\n"],
))

TASKS.append(task(
id="median-lines", kind="edge-case-return", token=False,
about="""
# median-lines

`main.cc` reads lines of integers and prints the median of each line: the middle value of
the sorted numbers, or for an even count the mean of the two middle values, printed with
one decimal. An empty line prints `empty`.
""",
src=r'''
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

double median(std::vector<long long> v) {
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  if (n % 2 == 0) return (v[n / 2 - 1] + v[n / 2]) / 2.0;
  return static_cast<double>(v[n / 2]);
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<long long> v;
    long long x;
    while (in >> x) v.push_back(x);
    if (v.empty()) {
      std::printf("empty\n");
    } else {
      std::printf("%.1f\n", median(v));
    }
  }
  return 0;
}
''',
bug=("if (n % 2 == 0) return (v[n / 2 - 1] + v[n / 2]) / 2.0;", "if (n % 2 == 0) return static_cast<double>(v[n / 2]);"),
visible=["3 1 2\n", "4 1 3 2\n", "\n"],
hidden=["5\n", "1 2\n", "7 7\n", "-1 -2 -3 -4\n", "10 0 5 5 100 1\n", "1 1 2 3 5 8 13\n"],
))

TASKS.append(task(
id="pluralize", kind="edge-case-return", token=False,
about="""
# pluralize

`main.cc` reads English nouns (lowercase, one per line) and prints their plurals by these
rules, in order: words ending in `s`, `x`, `z`, `ch` or `sh` add `es`; words ending in a
consonant followed by `y` replace the `y` with `ies`; words ending in a vowel followed by `y`
(`boy`, `key`) just add `s`; every other word adds `s`.
""",
src=r'''
#include <iostream>
#include <string>

bool endsWith(const std::string& s, const std::string& t) {
  return s.size() >= t.size() && s.compare(s.size() - t.size(), t.size(), t) == 0;
}

bool isVowel(char c) {
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

std::string plural(const std::string& w) {
  if (endsWith(w, "s") || endsWith(w, "x") || endsWith(w, "z") || endsWith(w, "ch") ||
      endsWith(w, "sh")) {
    return w + "es";
  }
  if (endsWith(w, "y")) {
    if (w.size() >= 2 && isVowel(w[w.size() - 2])) return w + "s";
    return w.substr(0, w.size() - 1) + "ies";
  }
  return w + "s";
}

int main() {
  std::string w;
  while (std::getline(std::cin, w)) {
    if (w.empty()) continue;
    std::cout << plural(w) << "\n";
  }
  return 0;
}
''',
bug=('    if (w.size() >= 2 && isVowel(w[w.size() - 2])) return w + "s";\n', ""),
visible=["cat\n", "city\n", "boy\n"],
hidden=["bus\n", "box\n", "church\n", "key\n", "lady\n", "day\n", "y\n", "wish\n"],
))
