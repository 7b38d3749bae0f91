TASKS = []

TASKS.append(task(
id="triangle-type", kind="wrong-condition", token=True,
about="""
# triangle-type

`main.cc` reads lines with three positive integer side lengths and classifies the
triangle: `equilateral`, `isosceles`, `scalene`, or `not a triangle` when the sides do not
satisfy the strict triangle inequality (a degenerate triangle such as 1 2 3 is not a
triangle). Sides may come in any order.
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <string>

std::string classify(long long a, long long b, long long c) {
  long long s[3] = {a, b, c};
  std::sort(s, s + 3);
  if (s[0] <= 0 || s[0] + s[1] <= s[2]) return "not a triangle";
  if (s[0] == s[2]) return "equilateral";
  if (s[0] == s[1] || s[1] == s[2]) return "isosceles";
  return "scalene";
}

int main() {
  long long a, b, c;
  while (std::cin >> a >> b >> c) std::cout << classify(a, b, c) << "\n";
  return 0;
}
''',
bug=("s[0] + s[1] <= s[2]", "s[0] + s[1] < s[2]"),
visible=["3 4 5\n", "1 2 3\n", "2 2 2\n"],
hidden=["3 2 1\n", "2 2 4\n", "5 5 8\n", "1 1 3\n", "0 1 1\n", "7 10 5\n", "4 4 3\n"],
))

TASKS.append(task(
id="prime-check", kind="wrong-condition", token=True,
about="""
# prime-check

`main.cc` reads integers (up to 10^12), one per line, and prints `prime` or `composite`
for each; 0, 1 and negative numbers print `neither`. It uses trial division up to the
square root.
""",
src=r'''
#include <iostream>

bool isPrime(long long n) {
  if (n < 2) return false;
  if (n % 2 == 0) return n == 2;
  for (long long i = 3; i * i <= n; i += 2) {
    if (n % i == 0) return false;
  }
  return true;
}

int main() {
  long long n;
  while (std::cin >> n) {
    if (n < 2) {
      std::cout << "neither\n";
    } else {
      std::cout << (isPrime(n) ? "prime" : "composite") << "\n";
    }
  }
  return 0;
}
''',
bug=("i * i <= n;", "i * i < n;"),
visible=["7\n", "9\n", "1\n"],
hidden=["2\n", "25\n", "49\n", "97\n", "1000000007\n", "999966000289\n", "-5\n", "15\n"],
))

TASKS.append(task(
id="is-sorted", kind="wrong-condition", token=True,
about="""
# is-sorted

`main.cc` reads lines of integers and, for each line, prints `sorted` if the numbers are in
non-decreasing order (equal neighbours are allowed), otherwise `unsorted at I` where `I` is
the 0-based index of the first element smaller than its predecessor. An empty line or a
single number is sorted.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

// Index of the first element smaller than its predecessor, or -1.
int firstDescent(const std::vector<long long>& v) {
  for (std::size_t i = 1; i < v.size(); ++i) {
    if (v[i - 1] > v[i]) return static_cast<int>(i);
  }
  return -1;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<long long> v;
    long long x;
    while (in >> x) v.push_back(x);
    int at = firstDescent(v);
    if (at < 0) {
      std::cout << "sorted\n";
    } else {
      std::cout << "unsorted at " << at << "\n";
    }
  }
  return 0;
}
''',
bug=("if (v[i - 1] > v[i])", "if (v[i - 1] >= v[i])"),
visible=["1 2 3\n", "1 1 2\n", "3 1 2\n"],
hidden=["\n", "5\n", "2 2 2 2\n", "1 2 2 1\n", "-3 -3 0 7\n", "9 8\n", "1 3 3 5 4\n"],
))

TASKS.append(task(
id="password-rules", kind="wrong-condition", token=True,
about="""
# password-rules

`main.cc` checks passwords, one per line. A password is accepted when it has at least 8
characters, at least one lowercase letter, one uppercase letter and one digit, and no
spaces. It prints `ok`, or `rejected:` followed by every broken rule, in this order:
` too-short`, ` no-lower`, ` no-upper`, ` no-digit`, ` has-space`.
""",
src=r'''
#include <cctype>
#include <iostream>
#include <string>

std::string check(const std::string& pw) {
  bool lower = false, upper = false, digit = false, space = false;
  for (unsigned char c : pw) {
    if (std::islower(c)) lower = true;
    if (std::isupper(c)) upper = true;
    if (std::isdigit(c)) digit = true;
    if (c == ' ') space = true;
  }
  std::string problems;
  if (pw.size() < 8) problems += " too-short";
  if (!lower) problems += " no-lower";
  if (!upper) problems += " no-upper";
  if (!digit) problems += " no-digit";
  if (space) problems += " has-space";
  return problems.empty() ? "ok" : "rejected:" + problems;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) std::cout << check(line) << "\n";
  return 0;
}
''',
bug=("if (pw.size() < 8)", "if (pw.size() <= 8)"),
visible=["Passw0rdX\n", "Abcdef1x\n", "short1A\n"],
hidden=["abcdefgh\n", "ABCDEFG1\n", "Abcdefg1\n", "Abc 1234\n", "\n", "aA1aA1aA\n", "Zz9Zz9Zz9\n"],
))

TASKS.append(task(
id="majority-vote", kind="wrong-condition", token=True,
about="""
# majority-vote

`main.cc` reads ballots (one candidate name per line) and prints the candidate that got a
strict majority (more than half of all ballots) as `winner: NAME`, or `no majority` if no
candidate did (also for zero ballots). It uses the Boyer-Moore majority vote and then
verifies the candidate with a second count.
""",
src=r'''
#include <iostream>
#include <string>
#include <vector>

int main() {
  std::vector<std::string> ballots;
  std::string line;
  while (std::getline(std::cin, line)) {
    if (!line.empty()) ballots.push_back(line);
  }
  std::string candidate;
  long count = 0;
  for (const auto& b : ballots) {
    if (count == 0) {
      candidate = b;
      count = 1;
    } else if (b == candidate) {
      ++count;
    } else {
      --count;
    }
  }
  long votes = 0;
  for (const auto& b : ballots)
    if (b == candidate) ++votes;
  if (!ballots.empty() && votes * 2 > static_cast<long>(ballots.size())) {
    std::cout << "winner: " << candidate << "\n";
  } else {
    std::cout << "no majority\n";
  }
  return 0;
}
''',
bug=("votes * 2 > static_cast<long>(ballots.size())", "votes * 2 >= static_cast<long>(ballots.size())"),
visible=["ann\nbob\nann\n", "ann\nbob\n", "cy\n"],
hidden=["\n", "a\nb\na\nb\n", "a\na\nb\nb\nc\n", "x\nx\nx\ny\n", "p\nq\nr\n", "a\nb\nb\na\na\nb\n", "z\nz\nz\nw\nw\nw\n"],
))

TASKS.append(task(
id="collatz-steps", kind="wrong-condition", token=True,
about="""
# collatz-steps

`main.cc` reads positive integers (below 10^12) one per line and prints for each the number
of Collatz steps needed to reach 1 (halve even numbers, map odd `n` to `3n + 1`) and the
largest value reached on the way, as `steps peak`. For 1 it prints `0 1`.
""",
src=r'''
#include <iostream>

int main() {
  long long n;
  while (std::cin >> n) {
    if (n < 1) continue;
    long long steps = 0;
    long long peak = n;
    while (n != 1) {
      if (n % 2 == 0) {
        n /= 2;
      } else {
        n = 3 * n + 1;
      }
      if (n > peak) peak = n;
      ++steps;
    }
    std::cout << steps << " " << peak << "\n";
  }
  return 0;
}
''',
bug=("if (n % 2 == 0) {", "if (n % 2 != 0) {"),
visible=["1\n", "6\n", "27\n"],
hidden=["2\n", "3\n", "7\n", "97\n", "1000000\n", "871\n"],
))

TASKS.append(task(
id="atm-withdraw", kind="wrong-condition", token=True,
about="""
# atm-withdraw

`main.cc` simulates an ATM. The first line holds the account balance and the daily limit
(whole euros). Each following line is a requested amount. A request is paid out when it is
positive, a multiple of 10, not more than the balance, and not more than what is left of
the daily limit; then it prints `paid X, balance B`. Otherwise it prints `refused X` and
nothing changes. Paying out exactly the whole balance or the whole remaining limit is
allowed.
""",
src=r'''
#include <iostream>

int main() {
  long long balance, limit;
  if (!(std::cin >> balance >> limit)) return 0;
  long long paidToday = 0;
  long long amount;
  while (std::cin >> amount) {
    bool ok = amount > 0 && amount % 10 == 0 && amount <= balance &&
              paidToday + amount <= limit;
    if (ok) {
      balance -= amount;
      paidToday += amount;
      std::cout << "paid " << amount << ", balance " << balance << "\n";
    } else {
      std::cout << "refused " << amount << "\n";
    }
  }
  return 0;
}
''',
bug=("amount <= balance &&", "amount < balance &&"),
visible=["100 500\n50\n", "100 500\n100\n", "300 200\n150\n60\n"],
hidden=["50 1000\n50\n10\n", "1000 100\n100\n10\n", "100 100\n0\n-10\n15\n", "30 500\n10\n20\n10\n",
        "500 500\n250\n250\n", "80 80\n80\n"],
))

TASKS.append(task(
id="argmax-first", kind="wrong-condition", token=True,
about="""
# argmax-first

`main.cc` reads lines `name value` (sales per employee) and prints the best seller as
`best: NAME (VALUE)`. When several share the highest value the one listed first wins. With
no input lines it prints `no data`.
""",
src=r'''
#include <iostream>
#include <string>
#include <vector>

struct Entry {
  std::string name;
  long long value;
};

int main() {
  std::vector<Entry> entries;
  Entry e;
  while (std::cin >> e.name >> e.value) entries.push_back(e);
  if (entries.empty()) {
    std::cout << "no data\n";
    return 0;
  }
  std::size_t best = 0;
  for (std::size_t i = 1; i < entries.size(); ++i) {
    if (entries[i].value > entries[best].value) best = i;
  }
  std::cout << "best: " << entries[best].name << " (" << entries[best].value << ")\n";
  return 0;
}
''',
bug=("if (entries[i].value > entries[best].value)", "if (entries[i].value >= entries[best].value)"),
visible=["ann 5\nbob 9\ncy 2\n", "ann 5\nbob 5\n", "solo 1\n"],
hidden=["", "a 1\nb 3\nc 3\nd 2\n", "a -1\nb -1\n", "x 7\ny 7\nz 7\n", "p 0\nq 10\nr 10\n", "m 4\nn 3\n"],
))

TASKS.append(task(
id="leaderboard", kind="wrong-condition", token=True,
about="""
# leaderboard

`main.cc` reads lines `name points`, one per player (names are unique), and prints the
leaderboard: players by points, highest first; players with equal points in alphabetical
order of their names. Each output line is `RANK. NAME POINTS`, where players with equal
points share the rank of the first of them (1, 2, 2, 4, ...).
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <string>
#include <vector>

struct Player {
  std::string name;
  long long points;
};

bool before(const Player& a, const Player& b) {
  if (a.points != b.points) return a.points > b.points;
  return a.name < b.name;
}

int main() {
  std::vector<Player> players;
  Player p;
  while (std::cin >> p.name >> p.points) players.push_back(p);
  std::sort(players.begin(), players.end(), before);
  std::size_t rank = 1;
  for (std::size_t i = 0; i < players.size(); ++i) {
    if (i > 0 && players[i].points != players[i - 1].points) rank = i + 1;
    std::cout << rank << ". " << players[i].name << " " << players[i].points << "\n";
  }
  return 0;
}
''',
bug=("return a.name < b.name;", "return a.name > b.name;"),
visible=["ann 10\nbob 20\n", "zed 5\namy 5\n", "x 1\n"],
hidden=["c 3\nb 3\na 3\n", "d 1\nc 2\nb 2\na 4\n", "", "mo 7\nal 7\nzu 9\n", "q 0\np -1\n", "bb 2\nba 2\nab 2\n"],
))

TASKS.append(task(
id="anagram-check", kind="wrong-condition", token=True,
about="""
# anagram-check

`main.cc` reads pairs of lines and prints `anagram` if the two lines contain the same
letters the same number of times, ignoring case and every character that is not a letter
(so "Dormitory" and "dirty room!" are anagrams), and `different` otherwise. A missing last
line counts as empty.
""",
src=r'''
#include <cctype>
#include <iostream>
#include <string>

bool anagrams(const std::string& a, const std::string& b) {
  int count[26] = {0};
  for (unsigned char c : a) {
    if (!std::isalpha(c)) continue;
    count[std::tolower(c) - 'a']++;
  }
  for (unsigned char c : b) {
    if (!std::isalpha(c)) continue;
    count[std::tolower(c) - 'a']--;
  }
  for (int k : count)
    if (k != 0) return false;
  return true;
}

int main() {
  std::string a, b;
  while (std::getline(std::cin, a)) {
    if (!std::getline(std::cin, b)) b.clear();
    std::cout << (anagrams(a, b) ? "anagram" : "different") << "\n";
  }
  return 0;
}
''',
bug=('''  for (unsigned char c : b) {
    if (!std::isalpha(c)) continue;''', '''  for (unsigned char c : b) {
    if (std::isalpha(c)) continue;'''),
visible=["listen\nsilent\n", "Dormitory\ndirty room!\n", "abc\nabd\n"],
hidden=["a\n\n", "\n\n", "Astronomer\nMoon starer\n", "aab\nabb\n", "Hi!\nih\n", "abc\nab c d\n", "x\n"],
))

TASKS.append(task(
id="range-alert", kind="wrong-condition", token=False,
about="""
# range-alert

`main.cc` monitors sensor readings. The first line is `lo hi`, the allowed range
(inclusive). Each following line is `time value`. For every reading outside the range it
prints `TIME: VALUE too low` or `TIME: VALUE too high`; at the end it prints `N alerts`.
""",
src=r'''
#include <iostream>
#include <string>

int main() {
  double lo, hi;
  if (!(std::cin >> lo >> hi)) return 0;
  std::string time;
  double value;
  int alerts = 0;
  while (std::cin >> time >> value) {
    if (value < lo) {
      std::cout << time << ": " << value << " too low\n";
      ++alerts;
    } else if (value > hi) {
      std::cout << time << ": " << value << " too high\n";
      ++alerts;
    }
  }
  std::cout << alerts << " alerts\n";
  return 0;
}
''',
bug=("} else if (value > hi) {", "} else if (value > lo) {"),
visible=["10 20\n08:00 15\n09:00 25\n", "0 5\nt1 -1\n", "1 2\nt 1.5\n"],
hidden=["10 20\n", "10 20\na 10\nb 20\n", "10 20\na 9.5\nb 20.5\nc 11\n", "-5 5\nx 0\ny 6\n", "3 3\np 3\nq 4\n", "0 100\nm 50\nn 99\n"],
))
