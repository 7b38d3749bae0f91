// `main.cc` reads `lo hi b` and then integers until end of input. It splits `[lo, hi]`
// into `b` buckets of equal width `w = (hi - lo + 1) / b` (the input guarantees `hi - lo
// + 1` is a multiple of `b`), counts the values falling in each bucket, and prints one
// line per bucket: `start-end: count`. Values outside `[lo, hi]` are ignored.
#include <iostream>
#include <vector>

int main() {
  long long lo, hi, b;
  if (!(std::cin >> lo >> hi >> b)) return 0;
  long long width = (hi - lo + 1) / b;
  std::vector<long long> count(b, 0);
  long long x;
  while (std::cin >> x) {
    if (x < lo || x > hi) continue;
    count[(x - lo) / width]++;
  }
  for (long long i = 0; i < b; ++i) {
    long long start = lo + i * width;
    long long end = start + width;
    std::cout << start << "-" << end << ": " << count[i] << "\n";
  }
  return 0;
}
