// `main.cc` reads lines `name points`, one per player (names are unique), and prints the
// leaderboard: players by points, highest first; players with equal points in
// alphabetical order of their names. Each output line is `RANK. NAME POINTS`, where
// players with equal points share the rank of the first of them (1, 2, 2, 4, ...).
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
  return a.name > b.name;
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
