TASKS = []

TASKS.append(task(
id="duration-format", kind="wrong-constant", token=False,
about="""
# duration-format

`main.cc` reads durations in seconds (non-negative integers, one per line) and prints each
as `H:MM:SS` (hours not padded and not limited to 24, minutes and seconds two digits).
E.g. `3725` -> `1:02:05`, `59` -> `0:00:59`.
""",
src=r'''
#include <cstdio>
#include <iostream>

struct Duration {
  long long hours;
  int minutes;
  int seconds;
};

Duration split(long long total) {
  Duration d;
  d.hours = total / 3600;
  d.minutes = static_cast<int>(total % 3600 / 60);
  d.seconds = static_cast<int>(total % 60);
  return d;
}

int main() {
  long long total;
  while (std::cin >> total) {
    Duration d = split(total);
    std::printf("%lld:%02d:%02d\n", d.hours, d.minutes, d.seconds);
  }
  return 0;
}
''',
bug=("d.hours = total / 3600;", "d.hours = total / 360;"),
visible=["3725\n", "59\n", "7200\n"],
hidden=["0\n", "3599\n", "3600\n", "86399\n", "360000\n", "61\n"],
))

TASKS.append(task(
id="to-hex", kind="wrong-constant", token=True,
about="""
# to-hex

`main.cc` reads non-negative integers (up to 2^64 - 1), one per line, and prints each in
hexadecimal with lowercase digits and no prefix or leading zeros (`0` for zero).
E.g. `255` -> `ff`, `4096` -> `1000`.
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <string>

std::string toHex(unsigned long long n) {
  if (n == 0) return "0";
  std::string out;
  while (n > 0) {
    unsigned d = static_cast<unsigned>(n % 16);
    if (d < 10) {
      out += static_cast<char>('0' + d);
    } else {
      out += static_cast<char>('a' + d - 10);
    }
    n /= 16;
  }
  std::reverse(out.begin(), out.end());
  return out;
}

int main() {
  unsigned long long n;
  while (std::cin >> n) std::cout << toHex(n) << "\n";
  return 0;
}
''',
bug=("'a' + d - 10", "'a' + d - 9"),
visible=["255\n", "16\n", "9\n"],
hidden=["0\n", "10\n", "4096\n", "3735928559\n", "18446744073709551615\n", "171\n"],
))

TASKS.append(task(
id="luhn-check", kind="wrong-constant", token=True,
about="""
# luhn-check

`main.cc` reads card numbers (digit strings, possibly containing spaces) one per line and
prints `valid` or `invalid` by the Luhn checksum: from the rightmost digit, double every
second digit, subtract 9 from doubled values above 9, sum everything; the number is valid
when the sum is a multiple of 10. Lines with any character other than digits and spaces,
or with fewer than two digits, are `invalid`.
""",
src=r'''
#include <iostream>
#include <string>

bool luhnValid(const std::string& line) {
  std::string digits;
  for (char c : line) {
    if (c == ' ') continue;
    if (c < '0' || c > '9') return false;
    digits += c;
  }
  if (digits.size() < 2) return false;
  int sum = 0;
  bool twice = false;
  for (int i = static_cast<int>(digits.size()) - 1; i >= 0; --i) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::cout << (luhnValid(line) ? "valid" : "invalid") << "\n";
  }
  return 0;
}
''',
bug=("if (d > 9) d -= 9;", "if (d > 9) d -= 10;"),
visible=["4539 3195 0343 6467\n", "8273 1232 7352 0569\n", "79927398713\n"],
hidden=["0\n", "00\n", "18\n", "4111 1111 1111 1111\n", "4111 1111 1111 1112\n", "1234-5678\n",
        "59\n", "6011 1111 1111 1117\n"],
))

TASKS.append(task(
id="caesar-shift", kind="wrong-constant", token=True,
about="""
# caesar-shift

`main.cc` reads a shift `k` (any integer, possibly negative) on the first line and then
text lines. It prints each line with every letter moved `k` places along the alphabet,
wrapping around (`z` + 1 = `a`) and keeping case; other characters are unchanged.
""",
src=r'''
#include <iostream>
#include <string>

char shiftLetter(char c, int k) {
  if (c >= 'a' && c <= 'z') return static_cast<char>('a' + (c - 'a' + k) % 26);
  if (c >= 'A' && c <= 'Z') return static_cast<char>('A' + (c - 'A' + k) % 26);
  return c;
}

int main() {
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  long long k = std::stoll(line);
  int shift = static_cast<int>(((k % 26) + 26) % 26);
  while (std::getline(std::cin, line)) {
    for (char& c : line) c = shiftLetter(c, shift);
    std::cout << line << "\n";
  }
  return 0;
}
''',
bug=("int shift = static_cast<int>(((k % 26) + 26) % 26);", "int shift = static_cast<int>(((k % 26) + 26) % 25);"),
visible=["3\nabc xyz\n", "-1\nBanana!\n", "0\nSame text.\n"],
hidden=["26\nhello\n", "25\nabc\n", "-27\nZebra\n", "13\nHello, World!\n", "52\nq\n", "1\nzZ 9\n"],
))

TASKS.append(task(
id="isbn10-check", kind="wrong-constant", token=True,
about="""
# isbn10-check

`main.cc` reads ISBN-10 codes, one per line, and prints `ok` or `bad`. Hyphens are ignored.
A code must have exactly 10 characters left: nine digits and a last character that is a
digit or `X` (meaning 10). It is valid when `10*d1 + 9*d2 + ... + 2*d9 + 1*d10` is a
multiple of 11.
""",
src=r'''
#include <iostream>
#include <string>

bool isbnValid(const std::string& line) {
  std::string s;
  for (char c : line)
    if (c != '-') s += c;
  if (s.size() != 10) return false;
  int sum = 0;
  for (int i = 0; i < 10; ++i) {
    int v;
    if (s[i] >= '0' && s[i] <= '9') {
      v = s[i] - '0';
    } else if (s[i] == 'X' && i == 9) {
      v = 10;
    } else {
      return false;
    }
    sum += (10 - i) * v;
  }
  return sum % 11 == 0;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << (isbnValid(line) ? "ok" : "bad") << "\n";
  return 0;
}
''',
bug=("return sum % 11 == 0;", "return sum % 10 == 0;"),
visible=["0-306-40615-2\n", "0306406153\n", "0-8044-2957-X\n"],
hidden=["123456789X\n", "12345678\n", "X123456789\n", "0-19-853453-1\n", "0000000000\n",
        "1111111111\n", "0-19-853453-2\n", "3-598-21508-8\n"],
))

TASKS.append(task(
id="roman-numerals", kind="wrong-constant", token=False,
about="""
# roman-numerals

`main.cc` reads integers from 1 to 3999, one per line, and prints each as a Roman numeral
in the standard subtractive form (4 = IV, 9 = IX, 40 = XL, 90 = XC, 400 = CD, 900 = CM).
""",
src=r'''
#include <iostream>
#include <string>

struct Symbol {
  int value;
  const char* text;
};

const Symbol kSymbols[] = {
    {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"}, {50, "L"},
    {40, "XL"},  {10, "X"},   {9, "IX"},  {5, "V"},   {4, "IV"},  {1, "I"},
};

std::string toRoman(int n) {
  std::string out;
  for (const Symbol& s : kSymbols) {
    while (n >= s.value) {
      out += s.text;
      n -= s.value;
    }
  }
  return out;
}

int main() {
  int n;
  while (std::cin >> n) std::cout << toRoman(n) << "\n";
  return 0;
}
''',
bug=('{40, "XL"}', '{60, "XL"}'),
visible=["1994\n", "3\n", "44\n"],
hidden=["3999\n", "40\n", "41\n", "60\n", "89\n", "1000\n", "2024\n", "4\n"],
))

TASKS.append(task(
id="binary-parse", kind="wrong-constant", token=False,
about="""
# binary-parse

`main.cc` reads binary numbers (strings of `0` and `1`, up to 62 digits), one per line, and
prints each value in decimal. A line containing any other character prints `error`; an
empty line is skipped.
""",
src=r'''
#include <iostream>
#include <string>

bool parseBinary(const std::string& s, long long& value) {
  value = 0;
  for (char c : s) {
    if (c != '0' && c != '1') return false;
    value = value * 2 + (c - '0');
  }
  return true;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    if (line.empty()) continue;
    long long v;
    if (parseBinary(line, v)) {
      std::cout << v << "\n";
    } else {
      std::cout << "error\n";
    }
  }
  return 0;
}
''',
bug=("value = value * 2 + (c - '0');", "value = value * 10 + (c - '0');"),
visible=["101\n", "1\n", "12\n"],
hidden=["0\n", "10\n", "11111111\n", "100000000000000000000\n", "0001\n", "1a\n", "\n110\n"],
))

TASKS.append(task(
id="parking-fee", kind="wrong-constant", token=True,
about="""
# parking-fee

`main.cc` reads parking durations in minutes (non-negative integers, one per line) and
prints the fee in euros for each. The first 30 minutes are free. Otherwise every started
hour of the whole stay costs 2 euros, with at most 20 euros per started 24 hours (a stay of
25 hours counts as two days: 20 for the first day and the hourly rate, capped again, for
the rest).
""",
src=r'''
#include <algorithm>
#include <iostream>

long long startedUnits(long long minutes, long long unit) {
  return (minutes + unit - 1) / unit;
}

long long fee(long long minutes) {
  if (minutes <= 30) return 0;
  const long long day = 24 * 60;
  long long fullDays = minutes / day;
  long long rest = minutes % day;
  long long total = fullDays * 20;
  total += std::min<long long>(20, 2 * startedUnits(rest, 60));
  return total;
}

int main() {
  long long m;
  while (std::cin >> m) std::cout << fee(m) << "\n";
  return 0;
}
''',
bug=("return (minutes + unit - 1) / unit;", "return (minutes + unit) / unit;"),
visible=["30\n", "120\n", "90\n"],
hidden=["0\n", "31\n", "60\n", "61\n", "600\n", "1440\n", "1500\n", "2880\n"],
))

TASKS.append(task(
id="bmi-class", kind="wrong-constant", token=False,
about="""
# bmi-class

`main.cc` reads lines `weight_kg height_m` and prints the body-mass index
`weight / height^2` with one decimal, followed by its class: `underweight` below 18.5,
`normal` from 18.5 to below 25, `overweight` from 25 to below 30, and `obese` from 30.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

std::string bmiClass(double bmi) {
  if (bmi < 18.5) return "underweight";
  if (bmi < 25.0) return "normal";
  if (bmi < 30.0) return "overweight";
  return "obese";
}

int main() {
  double weight, height;
  while (std::cin >> weight >> height) {
    if (height <= 0) {
      std::printf("invalid\n");
      continue;
    }
    double bmi = weight / (height * height);
    std::printf("%.1f %s\n", bmi, bmiClass(bmi).c_str());
  }
  return 0;
}
''',
bug=("if (bmi < 30.0) return \"overweight\";", "if (bmi < 35.0) return \"overweight\";"),
visible=["70 1.75\n", "50 1.80\n", "100 1.75\n"],
hidden=["90 1.70\n", "81 1.80\n", "120 1.60\n", "60 1.60\n", "95 1.75\n", "80 0\n"],
))

TASKS.append(task(
id="day-of-year", kind="wrong-constant", token=True,
about="""
# day-of-year

`main.cc` reads dates `YYYY-MM-DD`, one per line, and prints the day of the year (1 for
January 1st, 365 or 366 for December 31st), using the Gregorian leap-year rule. Invalid
dates (month outside 1..12, day outside the month) print `invalid`.
""",
src=r'''
#include <cstdio>
#include <iostream>
#include <string>

const int kDaysInMonth[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

bool isLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int monthLength(int y, int m) {
  if (m == 2 && isLeap(y)) return 29;
  return kDaysInMonth[m - 1];
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    int y, m, d;
    if (std::sscanf(line.c_str(), "%d-%d-%d", &y, &m, &d) != 3 || m < 1 || m > 12 || d < 1 ||
        d > monthLength(y, m)) {
      std::cout << "invalid\n";
      continue;
    }
    int day = d;
    for (int i = 1; i < m; ++i) day += monthLength(y, i);
    std::cout << day << "\n";
  }
  return 0;
}
''',
bug=("{31, 28, 31, 30, 31, 30,", "{31, 28, 31, 31, 31, 30,"),
visible=["2023-01-01\n", "2023-05-01\n", "2024-12-31\n"],
hidden=["2023-12-31\n", "2023-04-30\n", "2023-04-31\n", "2024-03-01\n", "1900-03-01\n",
        "2023-13-01\n", "2023-06-15\n"],
))
