// Accounts holding whole cents: open, deposit, withdraw, transfer, close.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

struct UnknownAccount : std::out_of_range {
  using std::out_of_range::out_of_range;
};

struct InsufficientFunds : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class Bank {
 public:
  int open(std::string owner);  // ids 1, 2, 3, ...; owner not empty
  void deposit(int id, long long cents);
  void withdraw(int id, long long cents);
  void transfer(int from, int to, long long cents);  // all or nothing
  void close(int id);                                 // balance must be 0

  long long balance(int id) const;
  const std::string& owner(int id) const;
  std::vector<int> accounts_of(const std::string& owner) const;  // open ones, ascending
  long long total() const;
};
