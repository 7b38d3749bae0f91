// Visible tests of the exercise bank-account (Catch2 v2).
#include <catch2/catch.hpp>

#include "bank.h"

TEST_CASE("open deposit withdraw") {
  Bank bank;
  int a = bank.open("ann");
  CHECK(a == 1);
  bank.deposit(a, 500);
  bank.withdraw(a, 200);
  CHECK(bank.balance(a) == 300);
  CHECK(bank.owner(a) == "ann");
}

TEST_CASE("transfer moves money") {
  Bank bank;
  int a = bank.open("ann"), b = bank.open("bob");
  bank.deposit(a, 1000);
  bank.transfer(a, b, 250);
  CHECK(bank.balance(a) == 750);
  CHECK(bank.balance(b) == 250);
  CHECK(bank.total() == 1000);
}

TEST_CASE("overdraft is refused") {
  Bank bank;
  int a = bank.open("ann");
  bank.deposit(a, 100);
  CHECK_THROWS_AS(bank.withdraw(a, 101), InsufficientFunds);
  CHECK(bank.balance(a) == 100);
}
