// `main.cc` reads the legs of a trip as `distance_km minutes`, one per line, and prints
// for each leg its speed in km/h with one decimal, then `total KM km in M min`, and the
// average speed of the whole trip as `average S km/h` (with one decimal; `average 0.0
// km/h` when the trip took no time). A leg of 0 minutes prints `stop`.
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
    totalMinutes += distance;
  }
  std::printf("total %lld km in %lld min\n", totalDistance, totalMinutes);
  double average = totalMinutes == 0 ? 0.0 : totalDistance * 60.0 / totalMinutes;
  std::printf("average %.1f km/h\n", average);
  return 0;
}
