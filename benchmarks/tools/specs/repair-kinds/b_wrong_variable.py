TASKS = []

TASKS.append(task(
id="rect-areas", kind="wrong-variable", token=False,
about="""
# rect-areas

`main.cc` reads rectangles `width height`, one per line, and prints each one's area and
perimeter as `area A perimeter P`. The last line is `largest A`, the largest area (0 when
there is no rectangle).
""",
src=r'''
#include <iostream>

int main() {
  long long width, height, largest = 0;
  while (std::cin >> width >> height) {
    long long area = width * height;
    long long perimeter = 2 * (width + height);
    std::cout << "area " << area << " perimeter " << perimeter << "\n";
    if (area > largest) largest = area;
  }
  std::cout << "largest " << largest << "\n";
  return 0;
}
''',
bug=("long long area = width * height;", "long long area = width * width;"),
visible=["3 4\n", "5 5\n", "2 10\n1 1\n"],
hidden=["7 3\n", "0 9\n", "10 2\n3 3\n", "1 100\n100 1\n", "6 6\n2 20\n"],
))

TASKS.append(task(
id="stock-moves", kind="wrong-variable", token=False,
about="""
# stock-moves

`main.cc` keeps the stock of named items. It reads commands, one per line: `in ITEM N`
adds N, `out ITEM N` takes N away (or prints `short ITEM` and changes nothing when there
are fewer than N), `move FROM TO N` takes N from item FROM and adds them to item TO (or
prints `short FROM`). At the end it prints every item with its stock, `ITEM N`, sorted by
name.
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
    std::string cmd, item, to;
    long long n = 0;
    in >> cmd;
    if (cmd == "in" && in >> item >> n) {
      stock[item] += n;
    } else if (cmd == "out" && in >> item >> n) {
      if (stock[item] < n) std::cout << "short " << item << "\n";
      else stock[item] -= n;
    } else if (cmd == "move" && in >> item >> to >> n) {
      if (stock[item] < n) {
        std::cout << "short " << item << "\n";
      } else {
        stock[item] -= n;
        stock[to] += n;
      }
    }
  }
  for (const auto& [name, count] : stock) std::cout << name << " " << count << "\n";
  return 0;
}
''',
bug=("        stock[to] += n;", "        stock[item] += n;"),
visible=["in bolts 10\nmove bolts nuts 4\n", "in a 5\nout a 2\n", "in x 1\nmove x y 1\nmove y z 1\n"],
hidden=["in a 3\nmove a b 5\n", "in p 7\nin q 1\nmove p q 7\nout q 8\n", "move m n 0\n",
        "in a 2\nmove a a 1\n", "in k 9\nmove k l 3\nmove k l 3\nmove l m 6\n"],
))

TASKS.append(task(
id="column-totals", kind="wrong-variable", token=False,
about="""
# column-totals

`main.cc` reads rows of integers (all rows have the same number of columns) and prints
the total of each column on one line, separated by spaces, and then `rows R`. With no
rows it prints only `rows 0`.
""",
src=r'''
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

int main() {
  std::vector<long long> totals;
  std::string line;
  long long rows = 0;
  while (std::getline(std::cin, line)) {
    std::istringstream in(line);
    std::vector<long long> row;
    long long x;
    while (in >> x) row.push_back(x);
    if (row.empty()) continue;
    if (totals.empty()) totals.assign(row.size(), 0);
    for (std::size_t col = 0; col < row.size() && col < totals.size(); ++col) {
      totals[col] += row[col];
    }
    ++rows;
  }
  for (std::size_t i = 0; i < totals.size(); ++i) std::cout << (i ? " " : "") << totals[i];
  if (!totals.empty()) std::cout << "\n";
  std::cout << "rows " << rows << "\n";
  return 0;
}
''',
bug=("      totals[col] += row[col];", "      totals[col] += row[rows];"),
visible=["1 2 3\n4 5 6\n", "7 8\n", "1 1\n2 2\n3 3\n"],
hidden=["5\n6\n7\n", "", "10 20 30 40\n1 2 3 4\n", "-1 -2\n-3 -4\n", "0 0 9\n9 0 0\n0 9 0\n"],
))

TASKS.append(task(
id="score-board", kind="wrong-variable", token=False,
about="""
# score-board

`main.cc` reads game results `HOME AWAY home_goals away_goals`, one per line, and prints a
table of the teams, sorted by points (3 for a win, 1 for a draw), then by goal difference,
then by name: `TEAM points P diff D`.
""",
src=r'''
#include <algorithm>
#include <iostream>
#include <map>
#include <string>
#include <vector>

struct Team {
  long long points = 0;
  long long diff = 0;
};

int main() {
  std::map<std::string, Team> teams;
  std::string home, away;
  long long hg, ag;
  while (std::cin >> home >> away >> hg >> ag) {
    Team& h = teams[home];
    Team& a = teams[away];
    h.diff += hg - ag;
    a.diff += ag - hg;
    if (hg > ag) h.points += 3;
    else if (ag > hg) a.points += 3;
    else {
      h.points += 1;
      a.points += 1;
    }
  }
  std::vector<std::pair<std::string, Team>> table(teams.begin(), teams.end());
  std::sort(table.begin(), table.end(), [](const auto& x, const auto& y) {
    if (x.second.points != y.second.points) return x.second.points > y.second.points;
    if (x.second.diff != y.second.diff) return x.second.diff > y.second.diff;
    return x.first < y.first;
  });
  for (const auto& [name, t] : table) {
    std::cout << name << " points " << t.points << " diff " << t.diff << "\n";
  }
  return 0;
}
''',
bug=("    else if (ag > hg) a.points += 3;", "    else if (ag > hg) h.points += 3;"),
visible=["ants bees 2 1\n", "cats dogs 0 3\n", "ants bees 1 1\nbees ants 2 0\n"],
hidden=["x y 0 0\n", "a b 1 2\nb c 3 0\nc a 0 1\n", "red blue 5 4\nblue red 4 5\n", "p q 0 1\nq p 0 1\n",
        "one two 2 2\ntwo three 0 4\n"],
))

TASKS.append(task(
id="trip-legs", kind="wrong-variable", token=False,
about="""
# trip-legs

`main.cc` reads the legs of a trip as `distance_km minutes`, one per line, and prints for
each leg its speed in km/h with one decimal, then `total KM km in M min`, and the average
speed of the whole trip as `average S km/h` (with one decimal; `average 0.0 km/h` when the
trip took no time). A leg of 0 minutes prints `stop`.
""",
src=r'''
#include <cstdio>
#include <iostream>

int main() {
  long long distance, minutes, totalDistance = 0, totalMinutes = 0;
  while (std::cin >> distance >> minutes) {
    if (minutes == 0) {
      std::printf("stop\n");
    } else {
      std::printf("%.1f\n", distance * 60.0 / minutes);
    }
    totalDistance += distance;
    totalMinutes += minutes;
  }
  std::printf("total %lld km in %lld min\n", totalDistance, totalMinutes);
  double average = totalMinutes == 0 ? 0.0 : totalDistance * 60.0 / totalMinutes;
  std::printf("average %.1f km/h\n", average);
  return 0;
}
''',
bug=("    totalMinutes += minutes;", "    totalMinutes += distance;"),
visible=["60 60\n30 20\n", "10 0\n", "100 50\n"],
hidden=["0 10\n", "120 60\n120 30\n", "5 5\n5 5\n5 5\n", "42 0\n42 42\n", "1 60\n"],
))
