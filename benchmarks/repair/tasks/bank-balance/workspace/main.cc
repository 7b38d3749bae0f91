// `main.cc` replays a bank statement. The first line is the opening balance in cents.
// Each following line is `deposit N`, `withdraw N` or `fee N` (cents). Deposits add to
// the balance; withdrawals and fees subtract from it (the balance may go negative).
// After each line it prints the new balance as `balance: X.YY` (with a leading `-` when
// negative). Unknown commands print `ignored` and leave the balance unchanged.
#include <cstdio>
#include <iostream>
#include <string>

void printBalance(long long cents) {
  const char* sign = cents < 0 ? "-" : "";
  long long a = cents < 0 ? -cents : cents;
  std::printf("balance: %s%lld.%02lld\n", sign, a / 100, a % 100);
}

int main() {
  long long balance;
  if (!(std::cin >> balance)) return 0;
  std::string cmd;
  long long amount;
  while (std::cin >> cmd >> amount) {
    if (cmd == "deposit") {
      balance += amount;
    } else if (cmd == "withdraw") {
      balance += amount;
    } else if (cmd == "fee") {
      balance -= amount;
    } else {
      std::printf("ignored\n");
      continue;
    }
    printBalance(balance);
  }
  return 0;
}
