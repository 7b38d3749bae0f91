// `main.cc` simulates one cashier serving customers in order of arrival. Each input line
// is `arrival service` (minutes, arrivals non-decreasing). A customer starts being
// served at their arrival or when the cashier becomes free, whichever is later. It
// prints each customer's waiting time (start minus arrival) on its own line, then
// `average wait: X` with two decimals (`0.00` with no customers).
#include <algorithm>
#include <cstdio>
#include <iostream>

int main() {
  long long arrival, service;
  long long freeAt = 0;
  long long totalWait = 0;
  long long customers = 0;
  while (std::cin >> arrival >> service) {
    long long start = std::max(arrival, freeAt);
    long long wait = start - arrival;
    freeAt = arrival + service;
    totalWait += wait;
    ++customers;
    std::printf("%lld\n", wait);
  }
  double average = customers ? static_cast<double>(totalWait) / customers : 0.0;
  std::printf("average wait: %.2f\n", average);
  return 0;
}
