TASKS = []

TASKS.append(task(
id="date-diff", kind="wrong-variable", token=False,
about="""
# date-diff

`main.cc` reads lines with two Gregorian dates `YYYY-MM-DD YYYY-MM-DD` and prints the number
of days from the first to the second (negative if the second is earlier), e.g.
`2024-01-01 2024-03-01` -> `60`.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
long long daysFromCivil(long long y, long long m, long long d) {
  y -= m <= 2;
  long long era = (y >= 0 ? y : y - 399) / 400;
  long long yoe = y - era * 400;
  long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y1, m1, d1, y2, m2, d2;
    if (std::sscanf(line.c_str(), "%d-%d-%d %d-%d-%d", &y1, &m1, &d1, &y2, &m2, &d2) != 6) continue;
    std::cout << daysFromCivil(y2, m2, d2) - daysFromCivil(y1, m1, d1) << "\n";
  }
  return 0;
}
''',
bug=("daysFromCivil(y2, m2, d2)", "daysFromCivil(y2, m1, d2)"),
visible=["2024-01-01 2024-03-01\n", "2023-05-05 2023-05-10\n", "2000-01-01 1999-12-31\n"],
hidden=["1970-01-01 1970-01-01\n", "2020-02-28 2020-03-01\n", "1900-02-28 1900-03-01\n", "2024-12-31 2025-01-01\n",
        "2001-01-01 2024-06-15\n", "2024-03-01 2024-01-01\n"],
))

TASKS.append(task(
id="ini-sections", kind="wrong-variable", token=False,
about="""
# ini-sections

`main.cc` reads an INI-style configuration and prints every setting as
`section.key=value`, sorted by that full name (settings before any section header print as
`key=value`). Lines `[name]` start a section; lines `key = value` set a value (spaces around
key and value are trimmed; a later setting of the same full name wins); blank lines and
lines starting with `#` or `;` are ignored, as are lines without `=`.
""",
src=r'''
#include <iostream>
#include <map>
#include <string>

std::string trim(const std::string& s) {
  std::size_t b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return "";
  std::size_t e = s.find_last_not_of(" \t");
  return s.substr(b, e - b + 1);
}

int main() {
  std::map<std::string, std::string> settings;
  std::string section, raw;
  while (std::getline(std::cin, raw)) {
    std::string line = trim(raw);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[' && line.back() == ']') {
      section = trim(line.substr(1, line.size() - 2));
      continue;
    }
    std::size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = trim(line.substr(0, eq));
    std::string value = trim(line.substr(eq + 1));
    std::string full = section.empty() ? key : section + "." + key;
    settings[full] = value;
  }
  for (const auto& [k, v] : settings) std::cout << k << "=" << v << "\n";
  return 0;
}
''',
bug=('section + "." + key;', 'section + "." + value;'),
visible=["[db]\nhost = localhost\nport=5432\n", "name = top\n", "[a]\nx=1\n[b]\nx=2\n"],
hidden=["", "# comment\n; other\n[s]\n  k  =  v v  \n", "[s]\nk=1\nk=2\n", "z=1\n[m]\na=2\nnoequals\n",
        "[ spaced ]\nkey=\n", "[x]\n[y]\nq = r\n"],
))

TASKS.append(task(
id="queue-wait", kind="wrong-variable", token=False,
about="""
# queue-wait

`main.cc` simulates one cashier serving customers in order of arrival. Each input line is
`arrival service` (minutes, arrivals non-decreasing). A customer starts being served at
their arrival or when the cashier becomes free, whichever is later. It prints each
customer's waiting time (start minus arrival) on its own line, then `average wait: X` with
two decimals (`0.00` with no customers).
""",
src=r'''
#include <algorithm>
#include <cstdio>
#include <iostream>

int main() {
  long long arrival, service;
  long long freeAt = 0;
  long long totalWait = 0;
  long long customers = 0;
  while (std::cin >> arrival >> service) {
    long long start = std::max(arrival, freeAt);
    long long wait = start - arrival;
    freeAt = start + service;
    totalWait += wait;
    ++customers;
    std::printf("%lld\n", wait);
  }
  double average = customers ? static_cast<double>(totalWait) / customers : 0.0;
  std::printf("average wait: %.2f\n", average);
  return 0;
}
''',
bug=("freeAt = start + service;", "freeAt = arrival + service;"),
visible=["0 5\n1 3\n2 4\n", "0 1\n10 1\n", "0 10\n0 10\n"],
hidden=["", "5 5\n", "0 3\n1 3\n2 3\n3 3\n", "0 2\n1 5\n2 1\n10 1\n", "0 4\n4 4\n8 4\n", "3 10\n4 1\n5 1\n"],
))

TASKS.append(task(
id="roman-to-int", kind="wrong-variable", token=False,
about="""
# roman-to-int

`main.cc` reads Roman numerals (uppercase, one per line) and prints their integer values;
a symbol smaller than the one after it is subtracted (`IV` = 4, `MCMXCIV` = 1994). A line
with any character other than `IVXLCDM` prints `invalid`.
""",
src=r'''
#include <iostream>
#include <string>

int value(char c) {
  switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
  }
}

int main() {
  std::string s;
  while (std::getline(std::cin, s)) {
    if (s.empty()) continue;
    bool ok = true;
    long total = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      int v = value(s[i]);
      if (v == 0) {
        ok = false;
        break;
      }
      if (i + 1 < s.size() && v < value(s[i + 1])) {
        total -= v;
      } else {
        total += v;
      }
    }
    if (ok) {
      std::cout << total << "\n";
    } else {
      std::cout << "invalid\n";
    }
  }
  return 0;
}
''',
bug=("v < value(s[i + 1])", "v < value(s[i])"),
visible=["III\n", "IV\n", "MCMXCIV\n"],
hidden=["I\n", "IX\n", "XL\n", "MMXXIV\n", "LVIII\n", "CDXLIV\n", "ABC\n", "MMMCMXCIX\n"],
))

TASKS.append(task(
id="two-sum-index", kind="wrong-variable", token=False,
about="""
# two-sum-index

`main.cc` reads a target on the first line and integers on the second, and prints the
0-based indices `i j` (`i < j`) of the first pair, in order of `j` and then of the earliest
`i`, whose values add up to the target, or `none`. It uses a hash map from value to the
first index where it occurs.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <unordered_map>
#include <vector>

int main() {
  long long target;
  std::string line;
  if (!(std::cin >> target)) return 0;
  std::getline(std::cin, line);
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<long long> a;
  long long x;
  while (in >> x) a.push_back(x);
  std::unordered_map<long long, std::size_t> firstIndex;
  for (std::size_t j = 0; j < a.size(); ++j) {
    auto it = firstIndex.find(target - a[j]);
    if (it != firstIndex.end()) {
      std::cout << it->second << " " << j << "\n";
      return 0;
    }
    firstIndex.emplace(a[j], j);
  }
  std::cout << "none\n";
  return 0;
}
''',
bug=("firstIndex.emplace(a[j], j);", "firstIndex.emplace(a[j], a[j]);"),
visible=["9\n2 7 11 15\n", "6\n3 3\n", "100\n1 2 3\n"],
hidden=["0\n0 0\n", "10\n5 1 5\n", "4\n1 2 3 1\n", "-1\n4 -5 2\n", "8\n8\n", "7\n1 1 1 6 6\n"],
))

TASKS.append(task(
id="interleave", kind="wrong-variable", token=False,
about="""
# interleave

`main.cc` reads pairs of lines `a` and `b` and prints their interleaving: the first
character of `a`, then the first of `b`, the second of `a`, the second of `b`, and so on;
when one string runs out the rest of the other follows unchanged (`abc` and `12345` give
`a1b2c345`). A missing last line counts as empty.
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <string>

std::string interleave(const std::string& a, const std::string& b) {
  std::size_t n = std::min(a.size(), b.size());
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += a[i];
    out += b[i];
  }
  out += a.substr(n);
  out += b.substr(n);
  return out;
}

int main() {
  std::string a, b;
  while (std::getline(std::cin, a)) {
    if (!std::getline(std::cin, b)) b.clear();
    std::cout << interleave(a, b) << "\n";
  }
  return 0;
}
''',
bug=("  out += b.substr(n);\n", "  out += a.substr(n);\n"),
visible=["abc\n12345\n", "abcdef\nxy\n", "ab\ncd\n"],
hidden=["\n\n", "x\n", "\nhello\n", "1\n234\n", "long string\nab\n", "same\nsize\n"],
))

TASKS.append(task(
id="grade-curve", kind="wrong-variable", token=False,
about="""
# grade-curve

`main.cc` reads lines `name score` and curves the scores so that the best score becomes
100: each score is scaled by `100 / best` and rounded to the nearest integer (halves up).
It prints `name: raw -> curved` for every student in input order. If the best score is 0
every curved score is 0.
""",
src=r'''
#include <cmath>
#include <iostream>
#include <string>
#include <vector>

struct Student {
  std::string name;
  long score;
};

int main() {
  std::vector<Student> students;
  Student s;
  while (std::cin >> s.name >> s.score) students.push_back(s);
  long best = 0;
  for (const auto& st : students)
    if (st.score > best) best = st.score;
  for (const auto& st : students) {
    long curved = best == 0 ? 0 : (st.score * 200 + best) / (2 * best);
    std::cout << st.name << ": " << st.score << " -> " << curved << "\n";
  }
  return 0;
}
''',
bug=("(st.score * 200 + best) / (2 * best)", "(st.score * 200 + best) / (2 * st.score)"),
visible=["ann 80\nbob 40\n", "cy 50\n", "dee 0\neve 0\n"],
hidden=["a 90\nb 45\nc 30\n", "x 1\ny 3\n", "p 100\nq 99\n", "m 7\n", "u 0\nv 8\n", "s 33\nt 66\nr 11\n"],
))
