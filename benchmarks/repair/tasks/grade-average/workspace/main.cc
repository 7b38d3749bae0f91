// `main.cc` reads lines `name score score ...` (integer scores 0..100, at least one per
// line) and prints for each student `name: avg`, where `avg` is the mean score rounded
// to the nearest integer, halves rounded up (an average of 84.5 prints 85). It uses
// integer arithmetic only.
#include <iostream>
#include <sstream>
#include <string>

// Mean of sum/n rounded half up, for non-negative sums.
long roundedMean(long sum, long n) {
  return (2 * sum - n) / (2 * n);
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
