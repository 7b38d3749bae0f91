// `main.cc` reads ballots (one candidate name per line) and prints the candidate that
// got a strict majority (more than half of all ballots) as `winner: NAME`, or `no
// majority` if no candidate did (also for zero ballots). It uses the Boyer-Moore
// majority vote and then verifies the candidate with a second count.
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
  if (!ballots.empty() && votes * 2 >= static_cast<long>(ballots.size())) {
    std::cout << "winner: " << candidate << "\n";
  } else {
    std::cout << "no majority\n";
  }
  return 0;
}
