// `main.cc` simulates an ATM. The first line holds the account balance and the daily
// limit (whole euros). Each following line is a requested amount. A request is paid out
// when it is positive, a multiple of 10, not more than the balance, and not more than
// what is left of the daily limit; then it prints `paid X, balance B`. Otherwise it
// prints `refused X` and nothing changes. Paying out exactly the whole balance or the
// whole remaining limit is allowed.
#include <iostream>

int main() {
  long long balance, limit;
  if (!(std::cin >> balance >> limit)) return 0;
  long long paidToday = 0;
  long long amount;
  while (std::cin >> amount) {
    bool ok = amount > 0 && amount % 10 == 0 && amount < balance &&
              paidToday + amount <= limit;
    if (ok) {
      balance -= amount;
      paidToday += amount;
      std::cout << "paid " << amount << ", balance " << balance << "\n";
    } else {
      std::cout << "refused " << amount << "\n";
    }
  }
  return 0;
}
