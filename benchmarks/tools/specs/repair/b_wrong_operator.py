TASKS = []

TASKS.append(task(
id="temperature-convert", kind="wrong-operator", token=True,
about="""
# temperature-convert

`main.cc` converts temperatures. Each input line is `C value` (Celsius) or `F value`
(Fahrenheit). For `C v` it prints the value in Fahrenheit, `F = C * 9 / 5 + 32`; for `F v`
it prints the value in Celsius, `C = (F - 32) * 5 / 9`. Output has one decimal and the
target unit, e.g. `212.0 F`. Lines with another unit letter print `unknown unit`.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

double toFahrenheit(double c) { return c * 9.0 / 5.0 + 32.0; }

double toCelsius(double f) { return (f - 32.0) * 5.0 / 9.0; }

int main() {
  std::string unit;
  double value;
  while (std::cin >> unit >> value) {
    if (unit == "C") {
      std::printf("%.1f F\n", toFahrenheit(value));
    } else if (unit == "F") {
      std::printf("%.1f C\n", toCelsius(value));
    } else {
      std::printf("unknown unit\n");
    }
  }
  return 0;
}
''',
bug=("return (f - 32.0) * 5.0 / 9.0;", "return (f + 32.0) * 5.0 / 9.0;"),
visible=["C 100\n", "F 212\n", "C -40\nK 3\n"],
hidden=["F 32\n", "F -40\n", "C 0\n", "F 98.6\n", "C 37\nF 50\n", "X 1\nF 0\n"],
))

TASKS.append(task(
id="leap-year-count", kind="wrong-operator", token=True,
about="""
# leap-year-count

`main.cc` reads pairs of years `a b` (1 <= a <= b <= 100000), one pair per line, and prints
how many leap years there are from `a` to `b` inclusive, by the Gregorian rule: divisible
by 4, except centuries, which are leap only when divisible by 400 (1900 is not a leap year,
2000 is).
""",
src=r'''
#include <iostream>

bool isLeap(long y) {
  return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

long countLeap(long a, long b) {
  long count = 0;
  for (long y = a; y <= b; ++y) {
    if (isLeap(y)) ++count;
  }
  return count;
}

int main() {
  long a, b;
  while (std::cin >> a >> b) {
    std::cout << countLeap(a, b) << "\n";
  }
  return 0;
}
''',
bug=("|| y % 400 == 0", "&& y % 400 == 0"),
visible=["2000 2000\n", "1999 2004\n", "1 3\n"],
hidden=["1900 1900\n", "1896 1904\n", "1 400\n", "2001 2003\n", "1600 2400\n", "4 4\n2100 2100\n"],
))

TASKS.append(task(
id="bank-balance", kind="wrong-operator", token=True,
about="""
# bank-balance

`main.cc` replays a bank statement. The first line is the opening balance in cents. Each
following line is `deposit N`, `withdraw N` or `fee N` (cents). Deposits add to the
balance; withdrawals and fees subtract from it (the balance may go negative). After each
line it prints the new balance as `balance: X.YY` (with a leading `-` when negative).
Unknown commands print `ignored` and leave the balance unchanged.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

void printBalance(long long cents) {
  const char* sign = cents < 0 ? "-" : "";
  long long a = cents < 0 ? -cents : cents;
  std::printf("balance: %s%lld.%02lld\n", sign, a / 100, a % 100);
}

int main() {
  long long balance;
  if (!(std::cin >> balance)) return 0;
  std::string cmd;
  long long amount;
  while (std::cin >> cmd >> amount) {
    if (cmd == "deposit") {
      balance += amount;
    } else if (cmd == "withdraw") {
      balance -= amount;
    } else if (cmd == "fee") {
      balance -= amount;
    } else {
      std::printf("ignored\n");
      continue;
    }
    printBalance(balance);
  }
  return 0;
}
''',
bug=('''    } else if (cmd == "withdraw") {
      balance -= amount;''', '''    } else if (cmd == "withdraw") {
      balance += amount;'''),
visible=["1000\ndeposit 500\nwithdraw 250\n", "0\nfee 150\n", "10000\ndeposit 1\n"],
hidden=["100\nwithdraw 100\n", "5\nwithdraw 10\ndeposit 3\n", "0\nrefund 5\nwithdraw 1\n",
        "123456\nwithdraw 23456\nfee 1\n", "-500\ndeposit 250\nwithdraw 1\n", "99\nfee 99\nwithdraw 0\n"],
))

TASKS.append(task(
id="vector-distance", kind="wrong-operator", token=True,
about="""
# vector-distance

`main.cc` reads `n` and then two integer vectors `a` and `b` of length `n`. It prints three
lines: the dot product `a . b`, the squared Euclidean distance `sum (a[i] - b[i])^2`, and
the Manhattan distance `sum |a[i] - b[i]|`.
""",
src=r'''
#include <cstdlib>
#include <iostream>
#include <vector>

long long dot(const std::vector<long long>& a, const std::vector<long long>& b) {
  long long s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += a[i] * b[i];
  return s;
}

long long squaredDistance(const std::vector<long long>& a, const std::vector<long long>& b) {
  long long s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) {
    long long d = a[i] - b[i];
    s += d * d;
  }
  return s;
}

long long manhattan(const std::vector<long long>& a, const std::vector<long long>& b) {
  long long s = 0;
  for (std::size_t i = 0; i < a.size(); ++i) s += std::llabs(a[i] - b[i]);
  return s;
}

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> a(n), b(n);
  for (auto& x : a) std::cin >> x;
  for (auto& x : b) std::cin >> x;
  std::cout << dot(a, b) << "\n" << squaredDistance(a, b) << "\n" << manhattan(a, b) << "\n";
  return 0;
}
''',
bug=("long long d = a[i] - b[i];", "long long d = a[i] + b[i];"),
visible=["2\n1 2\n3 4\n", "3\n0 0 0\n0 0 0\n", "1\n5\n5\n"],
hidden=["3\n1 -1 2\n-1 1 2\n", "2\n10 0\n0 10\n", "4\n1 2 3 4\n4 3 2 1\n", "1\n-7\n3\n", "2\n0 5\n0 0\n"],
))

TASKS.append(task(
id="polygon-area", kind="wrong-operator", token=True,
about="""
# polygon-area

`main.cc` reads `n` (at least 3) and then `n` integer vertices `x y` of a simple polygon,
in order (clockwise or counter-clockwise). It prints the polygon's area with one decimal
(shoelace formula), and on a second line `ccw` or `cw` for the orientation.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <vector>

int main() {
  int n;
  std::cin >> n;
  std::vector<long long> x(n), y(n);
  for (int i = 0; i < n; ++i) std::cin >> x[i] >> y[i];
  long long twice = 0;
  for (int i = 0; i < n; ++i) {
    int j = (i + 1) % n;
    twice += x[i] * y[j] - x[j] * y[i];
  }
  bool ccw = twice > 0;
  if (twice < 0) twice = -twice;
  std::printf("%.1f\n%s\n", twice / 2.0, ccw ? "ccw" : "cw");
  return 0;
}
''',
bug=("twice += x[i] * y[j] - x[j] * y[i];", "twice += x[i] * y[j] + x[j] * y[i];"),
visible=["4\n0 0\n4 0\n4 3\n0 3\n", "3\n0 0\n0 2\n2 0\n", "3\n1 1\n3 1\n1 4\n"],
hidden=["4\n0 0\n0 3\n4 3\n4 0\n", "3\n-1 -1\n1 -1\n0 1\n", "5\n0 0\n2 0\n2 2\n1 3\n0 2\n",
        "4\n-2 -2\n2 -2\n2 2\n-2 2\n", "6\n0 0\n3 0\n3 1\n1 1\n1 3\n0 3\n"],
))

TASKS.append(task(
id="grade-average", kind="wrong-operator", token=True,
about="""
# grade-average

`main.cc` reads lines `name score score ...` (integer scores 0..100, at least one per
line) and prints for each student `name: avg`, where `avg` is the mean score rounded to the
nearest integer, halves rounded up (an average of 84.5 prints 85). It uses integer
arithmetic only.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>

// Mean of sum/n rounded half up, for non-negative sums.
long roundedMean(long sum, long n) {
  return (2 * sum + n) / (2 * n);
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string name;
    if (!(in >> name)) continue;
    long sum = 0, n = 0, score;
    while (in >> score) {
      sum += score;
      ++n;
    }
    if (n == 0) continue;
    std::cout << name << ": " << roundedMean(sum, n) << "\n";
  }
  return 0;
}
''',
bug=("return (2 * sum + n) / (2 * n);", "return (2 * sum - n) / (2 * n);"),
visible=["ann 90 80\n", "bob 84 85\n", "cid 100\n"],
hidden=["dee 1 2 2\n", "eve 0 1\n", "fay 70 71 71 71\n", "gus 99 100\n", "hal 50\nivy 3 4\n", "jo 0\n"],
))

TASKS.append(task(
id="clock-add", kind="wrong-operator", token=True,
about="""
# clock-add

`main.cc` reads lines `HH:MM delta` where `delta` is a number of minutes (possibly
negative or larger than a day) and prints the 24-hour clock time `delta` minutes after
`HH:MM`, as `HH:MM` with two digits each, wrapping around midnight in both directions.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

// Minutes since midnight of a "HH:MM" string.
long long parseClock(const std::string& hhmm) {
  int h = std::stoi(hhmm.substr(0, 2));
  int m = std::stoi(hhmm.substr(3, 2));
  return h * 60 + m;
}

int main() {
  std::string hhmm;
  long long delta;
  while (std::cin >> hhmm >> delta) {
    long long t = parseClock(hhmm) + delta;
    t = ((t % 1440) + 1440) % 1440;
    std::printf("%02lld:%02lld\n", t / 60, t % 60);
  }
  return 0;
}
''',
bug=("t = ((t % 1440) + 1440) % 1440;", "t = ((t % 1440) - 1440) % 1440;"),
visible=["10:30 45\n", "23:50 20\n", "00:10 -20\n"],
hidden=["12:00 0\n", "00:00 1440\n", "01:00 -61\n", "23:59 1\n", "06:15 -2000\n", "08:00 3000\n"],
))

TASKS.append(task(
id="digital-root", kind="wrong-operator", token=True,
about="""
# digital-root

`main.cc` reads non-negative integers (up to 10^18), one per line, and prints for each its
digit sum and its digital root (the digit sum repeated until one digit remains), as
`sum root`. For 9875: digit sum 29, root 2.
""",
src=r'''
#include <iostream>

unsigned long long digitSum(unsigned long long n) {
  unsigned long long s = 0;
  while (n > 0) {
    s += n % 10;
    n /= 10;
  }
  return s;
}

unsigned long long digitalRoot(unsigned long long n) {
  while (n >= 10) n = digitSum(n);
  return n;
}

int main() {
  unsigned long long n;
  while (std::cin >> n) {
    std::cout << digitSum(n) << " " << digitalRoot(n) << "\n";
  }
  return 0;
}
''',
bug=("s += n % 10;", "s += n / 10;"),
visible=["9875\n", "7\n", "10\n"],
hidden=["0\n", "99\n", "123456789\n", "1000000000000000000\n", "38\n", "19\n"],
))

TASKS.append(task(
id="compound-interest", kind="wrong-operator", token=True,
about="""
# compound-interest

`main.cc` reads lines `principal rate years`: a starting amount, a yearly interest rate in
percent (may be negative for a loss) and a whole number of years. It prints the balance at
the end of each year, one line per year, `year N: X` with two decimals, compounding
yearly: each year the balance is multiplied by `1 + rate / 100`. A blank line follows each
input line's table.
""",
src=r'''
#include <cstdio>
#include <iostream>

int main() {
  double principal, rate;
  int years;
  while (std::cin >> principal >> rate >> years) {
    double balance = principal;
    for (int y = 1; y <= years; ++y) {
      balance *= 1.0 + rate / 100.0;
      std::printf("year %d: %.2f\n", y, balance);
    }
    std::printf("\n");
  }
  return 0;
}
''',
bug=("balance *= 1.0 + rate / 100.0;", "balance *= 1.0 - rate / 100.0;"),
visible=["1000 10 2\n", "500 0 1\n", "100 50 3\n"],
hidden=["1000 -10 2\n", "250 4 5\n", "1 100 4\n", "10000 3.5 1\n", "100 0 0\n50 20 1\n"],
))

TASKS.append(task(
id="subset-list", kind="wrong-operator", token=True,
about="""
# subset-list

`main.cc` reads up to 10 words on one line and prints every subset of them, one per line,
in order of the bitmask that selects them (bit `i` selects word `i`): mask 0 first (printed
as `{}`), then `{w0}`, `{w1}`, `{w0 w1}`, ... Words inside a subset keep their input order
and are separated by one space.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::string line;
  std::getline(std::cin, line);
  std::istringstream in(line);
  std::vector<std::string> words;
  std::string w;
  while (in >> w && words.size() < 10) words.push_back(w);
  const unsigned n = static_cast<unsigned>(words.size());
  for (unsigned mask = 0; mask < (1u << n); ++mask) {
    std::cout << "{";
    bool first = true;
    for (unsigned i = 0; i < n; ++i) {
      if (mask & (1u << i)) {
        if (!first) std::cout << " ";
        std::cout << words[i];
        first = false;
      }
    }
    std::cout << "}\n";
  }
  return 0;
}
''',
bug=("if (mask & (1u << i))", "if (mask | (1u << i))"),
visible=["a b\n", "x\n", "\n"],
hidden=["one two three\n", "p q r s\n", "solo\n", "a b c d e\n", "  spaced   out  \n"],
))
