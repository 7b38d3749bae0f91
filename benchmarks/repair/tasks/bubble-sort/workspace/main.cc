// `main.cc` reads integers, sorts them with bubble sort (stopping early after a pass
// without swaps), and prints the sorted numbers on one line followed by a line `swaps:
// N`, the number of swaps performed (which equals the number of inversions).
#include <iostream>
#include <utility>
#include <vector>

long long bubbleSort(std::vector<long long>& v) {
  long long swaps = 0;
  bool swapped = true;
  for (std::size_t pass = 0; swapped && pass + 1 < v.size(); ++pass) {
    swapped = false;
    for (std::size_t i = 0; i + 1 < v.size() - pass; ++i) {
      if (v[i] > v[i + 1]) {
        std::swap(v[i], v[i + 1]);
        ++swaps;
      }
    }
  }
  return swaps;
}

int main() {
  std::vector<long long> v;
  long long x;
  while (std::cin >> x) v.push_back(x);
  long long swaps = bubbleSort(v);
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (i) std::cout << " ";
    std::cout << v[i];
  }
  std::cout << "\nswaps: " << swaps << "\n";
  return 0;
}
