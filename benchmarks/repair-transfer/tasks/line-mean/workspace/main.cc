// `main.cc` reads lines of numbers and prints, for each line, the mean with two
// decimals, or `n/a` for a line without numbers. It parses numbers with `std::stod`,
// skipping tokens that are not numbers.
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>

// Mean of the numeric tokens of line; returns false if there are none.
bool lineMean(const std::string& line, double& mean) {
  std::istringstream in(line);
  std::string tok;
  double sum = 0;
  int count = 0;
  while (in >> tok) {
    try {
      std::size_t used = 0;
      double v = std::stod(tok, &used);
      if (used != tok.size()) continue;
      sum += v;
      ++count;
    } catch (const std::exception&) {
    }
  }
  if (count == 0) return true;
  mean = sum / count;
  return true;
}

int main() {
  std::string line;
  while (std::getline(std::cin, line)) {
    double m = 0;
    if (lineMean(line, m)) {
      std::printf("%.2f\n", m);
    } else {
      std::printf("n/a\n");
    }
  }
  return 0;
}
