TASKS = []

TASKS.append(task(
id="calc-ops", kind="missing-case", token=False,
about="""
# calc-ops

`main.cc` is a small integer calculator. Each input line is `a op b` with 64-bit integers
and `op` one of `+ - * / %`. It prints the result; division and remainder truncate toward
zero like C++. Division or remainder by zero prints `division by zero`; any other operator
prints `unknown operator`.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>

// Applies op; returns false (with a message) when it cannot.
bool apply(long long a, char op, long long b, long long& out, std::string& error) {
  switch (op) {
    case '+':
      out = a + b;
      return true;
    case '-':
      out = a - b;
      return true;
    case '*':
      out = a * b;
      return true;
    case '/':
      if (b == 0) {
        error = "division by zero";
        return false;
      }
      out = a / b;
      return true;
    case '%':
      if (b == 0) {
        error = "division by zero";
        return false;
      }
      out = a % b;
      return true;
    default:
      error = "unknown operator";
      return false;
  }
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    long long a, b;
    std::string op;
    if (!(in >> a >> op >> b) || op.size() != 1) {
      std::cout << "unknown operator\n";
      continue;
    }
    long long result;
    std::string error;
    if (apply(a, op[0], b, result, error)) {
      std::cout << result << "\n";
    } else {
      std::cout << error << "\n";
    }
  }
  return 0;
}
''',
bug=('''    case '%':
      if (b == 0) {
        error = "division by zero";
        return false;
      }
      out = a % b;
      return true;
''', ""),
visible=["7 + 5\n", "7 % 5\n", "9 / 0\n"],
hidden=["-7 % 3\n", "10 % 0\n", "6 * 7\n", "3 - 10\n", "7 ^ 2\n", "100 % 7\n1 / 2\n", "-9 / 2\n"],
))

TASKS.append(task(
id="fizzbuzz", kind="missing-case", token=False,
about="""
# fizzbuzz

`main.cc` reads `a b` and prints the numbers from `a` to `b` inclusive, one per line, but
prints `Fizz` for multiples of 3, `Buzz` for multiples of 5 and `FizzBuzz` for multiples of
both (0 counts as a multiple of both). Negative numbers follow the same rule.
""",
src=r'''
#include <iostream>
#include <string>

std::string label(long long i) {
  if (i % 15 == 0) return "FizzBuzz";
  if (i % 3 == 0) return "Fizz";
  if (i % 5 == 0) return "Buzz";
  return std::to_string(i);
}

int main() {
  long long a, b;
  if (!(std::cin >> a >> b)) return 0;
  for (long long i = a; i <= b; ++i) {
    std::cout << label(i) << "\n";
  }
  return 0;
}
''',
bug=('  if (i % 15 == 0) return "FizzBuzz";\n', ""),
visible=["1 15\n", "1 2\n", "28 31\n"],
hidden=["0 0\n", "-15 -14\n", "44 46\n", "3 5\n", "89 91\n", "7 7\n"],
))

TASKS.append(task(
id="bracket-balance", kind="missing-case", token=False,
about="""
# bracket-balance

`main.cc` reads lines of text and prints `balanced` when the brackets `()`, `[]` and `{}`
in the line are properly nested and matched, and `unbalanced` otherwise. All other
characters are ignored.
""",
src=r'''
#include <iostream>
#include <string>
#include <vector>

bool balanced(const std::string& s) {
  std::vector<char> open;
  for (char c : s) {
    switch (c) {
      case '(':
      case '[':
      case '{':
        open.push_back(c);
        break;
      case ')':
        if (open.empty() || open.back() != '(') return false;
        open.pop_back();
        break;
      case ']':
        if (open.empty() || open.back() != '[') return false;
        open.pop_back();
        break;
      case '}':
        if (open.empty() || open.back() != '{') return false;
        open.pop_back();
        break;
      default:
        break;
    }
  }
  return open.empty();
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::cout << (balanced(line) ? "balanced" : "unbalanced") << "\n";
  }
  return 0;
}
''',
bug=('''      case '}':
        if (open.empty() || open.back() != '{') return false;
        open.pop_back();
        break;
''', ""),
visible=["(a[b]c)\n", "{x}\n", "(]\n"],
hidden=["\n", "{[()]}\n", "{(})\n", "}{\n", "((\n", "f(x) { return a[i]; }\n", "{}{}{}\n", "[{]}\n"],
))

TASKS.append(task(
id="stack-machine", kind="missing-case", token=False,
about="""
# stack-machine

A tiny stack machine in three files (`machine.h`, `machine.cc`, `main.cc`). Each input line
is one command: `push N`, `pop`, `add`, `sub` (second-from-top minus top), `mul`, `dup`,
`swap` (exchange the two top values) or `print` (print the top value). A command that needs
more values than the stack holds prints `error: stack underflow` and leaves the stack
unchanged; an unknown command prints `error: unknown command NAME`.
""",
files={"machine.h": r'''
#pragma once

#include <string>
#include <vector>

// A stack of 64-bit integers with the operations of the stack machine.
class Machine {
 public:
  void push(long long v) { stack_.push_back(v); }
  bool has(std::size_t n) const { return stack_.size() >= n; }
  long long pop();
  long long top() const { return stack_.back(); }
  // Pops b then a and pushes f(a, b).
  void binary(char op);
  void swapTop();

 private:
  std::vector<long long> stack_;
};
''', "machine.cc": r'''
#include "machine.h"

#include <utility>

long long Machine::pop() {
  long long v = stack_.back();
  stack_.pop_back();
  return v;
}

void Machine::binary(char op) {
  long long b = pop();
  long long a = pop();
  switch (op) {
    case '+': push(a + b); break;
    case '-': push(a - b); break;
    case '*': push(a * b); break;
  }
}

void Machine::swapTop() {
  std::size_t n = stack_.size();
  std::swap(stack_[n - 1], stack_[n - 2]);
}
'''},
src=r'''
#include <iostream>
#include <sstream>
#include <string>

#include "machine.h"

int main() {
  Machine m;
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::string cmd;
    if (!(in >> cmd)) continue;
    if (cmd == "push") {
      long long v;
      in >> v;
      m.push(v);
    } else if (cmd == "pop") {
      if (!m.has(1)) { std::cout << "error: stack underflow\n"; continue; }
      m.pop();
    } else if (cmd == "add" || cmd == "sub" || cmd == "mul") {
      if (!m.has(2)) { std::cout << "error: stack underflow\n"; continue; }
      m.binary(cmd == "add" ? '+' : cmd == "sub" ? '-' : '*');
    } else if (cmd == "dup") {
      if (!m.has(1)) { std::cout << "error: stack underflow\n"; continue; }
      m.push(m.top());
    } else if (cmd == "swap") {
      if (!m.has(2)) { std::cout << "error: stack underflow\n"; continue; }
      m.swapTop();
    } else if (cmd == "print") {
      if (!m.has(1)) { std::cout << "error: stack underflow\n"; continue; }
      std::cout << m.top() << "\n";
    } else {
      std::cout << "error: unknown command " << cmd << "\n";
    }
  }
  return 0;
}
''',
bug=('''    } else if (cmd == "swap") {
      if (!m.has(2)) { std::cout << "error: stack underflow\\n"; continue; }
      m.swapTop();
''', ""),
visible=["push 2\npush 3\nadd\nprint\n", "push 1\npush 5\nswap\nsub\nprint\n", "pop\n"],
hidden=["push 7\nswap\nprint\n", "push 1\npush 2\nswap\nprint\npop\nprint\n", "push 4\ndup\nmul\nprint\n",
        "jump\n", "push 10\npush 3\nsub\nprint\n", "push 1\npush 2\npush 3\nswap\nswap\nprint\n"],
))

TASKS.append(task(
id="json-escape", kind="missing-case", token=False,
about="""
# json-escape

`main.cc` reads lines of text and prints each as a JSON string literal: wrapped in double
quotes, with `"` written as `\\"`, backslash as `\\\\`, tab as `\\t`, carriage return as
`\\r`, and any other byte below 0x20 as `\\u00XX` (lowercase hex). Other bytes are copied
unchanged.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

std::string jsonQuote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        if (c < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof buf, "\\u%04x", c);
          out += buf;
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << jsonQuote(line) << "\n";
  return 0;
}
''',
bug=('''      case '\\\\':
        out += "\\\\\\\\";
        break;
''', ""),
visible=["hello\n", "C:\\temp\\x\n", "say \"hi\"\n"],
hidden=["\n", "a\tb\n", "\\\n", "back\\slash and \"quote\"\n", "bell\x07here\n", "cr\rline\n", "\\n is not a newline\n"],
))

TASKS.append(task(
id="month-days", kind="missing-case", token=False,
about="""
# month-days

`main.cc` reads lines `YYYY MM` and prints the number of days in that month of the
Gregorian calendar (February has 29 days in leap years). A month outside 1..12 prints
`invalid month`.
""",
src=r'''
#include <iostream>

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Days in month m of year y, or 0 for an invalid month.
int daysIn(int y, int m) {
  switch (m) {
    case 1: case 3: case 5: case 7: case 8: case 10: case 12:
      return 31;
    case 4: case 6: case 9: case 11:
      return 30;
    case 2:
      return isLeap(y) ? 29 : 28;
    default:
      return 0;
  }
}

int main() {
  int y, m;
  while (std::cin >> y >> m) {
    int d = daysIn(y, m);
    if (d == 0) {
      std::cout << "invalid month\n";
    } else {
      std::cout << d << "\n";
    }
  }
  return 0;
}
''',
bug=("case 4: case 6: case 9: case 11:", "case 4: case 6: case 11:"),
visible=["2023 1\n", "2023 9\n", "2024 2\n"],
hidden=["2023 2\n", "1900 2\n", "2000 2\n", "2023 4\n", "2023 13\n", "2023 0\n", "2021 9\n2021 10\n"],
))

TASKS.append(task(
id="ordinal-suffix", kind="missing-case", token=False,
about="""
# ordinal-suffix

`main.cc` reads non-negative integers, one per line, and prints each as an English ordinal:
`1st`, `2nd`, `3rd`, `4th`, ..., with the exception that numbers ending in 11, 12 or 13 take
`th` (`11th`, `112th`, `213th`), and `0th`.
""",
src=r'''
#include <iostream>
#include <string>

std::string suffix(unsigned long long n) {
  unsigned long long lastTwo = n % 100;
  if (lastTwo >= 11 && lastTwo <= 13) return "th";
  switch (n % 10) {
    case 1:
      return "st";
    case 2:
      return "nd";
    case 3:
      return "rd";
    default:
      return "th";
  }
}

int main() {
  unsigned long long n;
  while (std::cin >> n) std::cout << n << suffix(n) << "\n";
  return 0;
}
''',
bug=('  if (lastTwo >= 11 && lastTwo <= 13) return "th";\n', ""),
visible=["1\n", "12\n", "23\n"],
hidden=["0\n", "11\n", "13\n", "111\n", "112\n", "213\n", "101\n", "4\n"],
))

TASKS.append(task(
id="length-units", kind="missing-case", token=False,
about="""
# length-units

`main.cc` converts lengths. Each input line is `value from to` where the units are `km`,
`m`, `cm`, `mm`, `in` (inch, 2.54 cm) or `ft` (foot, 12 in). It prints the converted value
with four decimals and the target unit, e.g. `3.2808 ft`. An unknown unit prints
`unknown unit NAME` (the first unknown one).
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

// Length of one unit in metres, or a negative number for an unknown unit.
double metres(const std::string& unit) {
  if (unit == "km") return 1000.0;
  if (unit == "m") return 1.0;
  if (unit == "cm") return 0.01;
  if (unit == "mm") return 0.001;
  if (unit == "in") return 0.0254;
  if (unit == "ft") return 0.3048;
  return -1.0;
}

int main() {
  double value;
  std::string from, to;
  while (std::cin >> value >> from >> to) {
    double f = metres(from);
    double t = metres(to);
    if (f < 0) {
      std::printf("unknown unit %s\n", from.c_str());
    } else if (t < 0) {
      std::printf("unknown unit %s\n", to.c_str());
    } else {
      std::printf("%.4f %s\n", value * f / t, to.c_str());
    }
  }
  return 0;
}
''',
bug=('  if (unit == "in") return 0.0254;\n', ""),
visible=["1 m ft\n", "12 in ft\n", "5 km m\n"],
hidden=["1 ft in\n", "100 cm in\n", "3 mi km\n", "2.54 cm in\n", "1 in mm\n", "7 m yd\n", "250 mm cm\n"],
))

TASKS.append(task(
id="weekday", kind="missing-case", token=False,
about="""
# weekday

`main.cc` reads Gregorian dates `YYYY-MM-DD` (year 1583 or later), one per line, and
prints the day of the week (`Monday` ... `Sunday`), computed with Zeller's congruence.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

// Zeller's congruence: 0 = Saturday, 1 = Sunday, ..., 6 = Friday.
int zeller(int y, int m, int d) {
  if (m < 3) {
    m += 12;
    y -= 1;
  }
  int k = y % 100;
  int j = y / 100;
  return (d + 13 * (m + 1) / 5 + k + k / 4 + j / 4 + 5 * j) % 7;
}

std::string name(int h) {
  switch (h) {
    case 0: return "Saturday";
    case 1: return "Sunday";
    case 2: return "Monday";
    case 3: return "Tuesday";
    case 4: return "Wednesday";
    case 5: return "Thursday";
    case 6: return "Friday";
    default: return "unknown";
  }
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y, m, d;
    if (std::sscanf(line.c_str(), "%d-%d-%d", &y, &m, &d) != 3) continue;
    std::cout << name(zeller(y, m, d)) << "\n";
  }
  return 0;
}
''',
bug=('    case 0: return "Saturday";\n', ""),
visible=["2024-01-01\n", "2023-12-30\n", "2000-02-29\n"],
hidden=["2024-03-16\n", "1970-01-01\n", "2001-09-11\n", "2024-02-29\n", "1999-12-31\n", "2023-07-01\n", "2100-01-01\n"],
))

TASKS.append(task(
id="sign-classify", kind="missing-case", token=False,
about="""
# sign-classify

`main.cc` reads integers until end of input and prints, for each, `positive`, `negative`
or `zero`; at the end it prints a summary line `P positive, N negative, Z zero`.
""",
src=r'''
#include <iostream>
#include <string>

int main() {
  long long x;
  long long pos = 0, neg = 0, zero = 0;
  while (std::cin >> x) {
    std::string word;
    if (x > 0) {
      word = "positive";
      ++pos;
    } else if (x == 0) {
      word = "zero";
      ++zero;
    } else {
      word = "negative";
      ++neg;
    }
    std::cout << word << "\n";
  }
  std::cout << pos << " positive, " << neg << " negative, " << zero << " zero\n";
  return 0;
}
''',
bug=('''    } else if (x == 0) {
      word = "zero";
      ++zero;
''', ""),
visible=["5\n-3\n", "0\n", "1 2 3\n"],
hidden=["\n", "-1 0 1\n", "0 0 0\n", "-7\n", "100 -100 0 5\n", "9\n"],
))
