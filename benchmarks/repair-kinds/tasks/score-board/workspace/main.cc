// `main.cc` reads game results `HOME AWAY home_goals away_goals`, one per line, and
// prints a table of the teams, sorted by points (3 for a win, 1 for a draw), then by
// goal difference, then by name: `TEAM points P diff D`.
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
    else if (ag > hg) h.points += 3;
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
