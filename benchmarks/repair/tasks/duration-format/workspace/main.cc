// `main.cc` reads durations in seconds (non-negative integers, one per line) and prints
// each as `H:MM:SS` (hours not padded and not limited to 24, minutes and seconds two
// digits). E.g. `3725` -> `1:02:05`, `59` -> `0:00:59`.
#include <cstdio>
#include <iostream>

struct Duration {
  long long hours;
  int minutes;
  int seconds;
};

Duration split(long long total) {
  Duration d;
  d.hours = total / 360;
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
