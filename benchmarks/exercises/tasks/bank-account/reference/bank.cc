#include "bank.h"

namespace {

void check_amount(long long cents) {
  if (cents <= 0) throw std::invalid_argument("amount must be positive");
}

}  // namespace

Bank::Account& Bank::find(int id) {
  auto it = accounts_.find(id);
  if (it == accounts_.end()) throw UnknownAccount("no open account " + std::to_string(id));
  return it->second;
}

const Bank::Account& Bank::find(int id) const {
  auto it = accounts_.find(id);
  if (it == accounts_.end()) throw UnknownAccount("no open account " + std::to_string(id));
  return it->second;
}

int Bank::open(std::string owner) {
  if (owner.empty()) throw std::invalid_argument("empty owner");
  accounts_[next_id_] = Account{std::move(owner), 0};
  return next_id_++;
}

void Bank::deposit(int id, long long cents) {
  Account& a = find(id);
  check_amount(cents);
  a.balance += cents;
}

void Bank::withdraw(int id, long long cents) {
  Account& a = find(id);
  check_amount(cents);
  if (a.balance < cents) throw InsufficientFunds("insufficient funds");
  a.balance -= cents;
}

void Bank::transfer(int from, int to, long long cents) {
  Account& a = find(from);
  Account& b = find(to);
  if (from == to) throw std::invalid_argument("transfer to the same account");
  check_amount(cents);
  if (a.balance < cents) throw InsufficientFunds("insufficient funds");
  a.balance -= cents;
  b.balance += cents;
}

void Bank::close(int id) {
  if (find(id).balance != 0) throw std::logic_error("account not empty");
  accounts_.erase(id);
}

long long Bank::balance(int id) const { return find(id).balance; }

const std::string& Bank::owner(int id) const { return find(id).owner; }

std::vector<int> Bank::accounts_of(const std::string& owner) const {
  std::vector<int> ids;
  for (const auto& [id, account] : accounts_)
    if (account.owner == owner) ids.push_back(id);
  return ids;
}

long long Bank::total() const {
  long long sum = 0;
  for (const auto& entry : accounts_) sum += entry.second.balance;
  return sum;
}
