// Hidden tests of the exercise bank-account (Catch2 v2).
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

// Hidden-only cases.

TEST_CASE("ids count up") {
  Bank bank;
  CHECK(bank.open("a") == 1);
  CHECK(bank.open("b") == 2);
  CHECK(bank.open("a") == 3);
  CHECK(bank.accounts_of("a") == std::vector<int>{1, 3});
  CHECK(bank.accounts_of("nobody").empty());
}

TEST_CASE("amounts must be positive") {
  Bank bank;
  int a = bank.open("ann");
  CHECK_THROWS_AS(bank.deposit(a, 0), std::invalid_argument);
  CHECK_THROWS_AS(bank.withdraw(a, -5), std::invalid_argument);
  CHECK_THROWS_AS(bank.open(""), std::invalid_argument);
}

TEST_CASE("failed transfer changes nothing") {
  Bank bank;
  int a = bank.open("ann"), b = bank.open("bob");
  bank.deposit(a, 100);
  CHECK_THROWS_AS(bank.transfer(a, b, 150), InsufficientFunds);
  CHECK_THROWS_AS(bank.transfer(a, 99, 10), UnknownAccount);
  CHECK_THROWS_AS(bank.transfer(a, a, 10), std::invalid_argument);
  CHECK(bank.balance(a) == 100);
  CHECK(bank.balance(b) == 0);
}

TEST_CASE("unknown accounts") {
  Bank bank;
  CHECK_THROWS_AS(bank.balance(1), UnknownAccount);
  CHECK_THROWS_AS(bank.deposit(7, 10), UnknownAccount);
  CHECK_THROWS_AS(bank.owner(0), UnknownAccount);
}

TEST_CASE("unknown account is checked before the amount") {
  Bank bank;
  CHECK_THROWS_AS(bank.deposit(3, -1), UnknownAccount);
}

TEST_CASE("close only empty accounts") {
  Bank bank;
  int a = bank.open("ann");
  bank.deposit(a, 10);
  CHECK_THROWS_AS(bank.close(a), std::logic_error);
  bank.withdraw(a, 10);
  bank.close(a);
  CHECK_THROWS_AS(bank.balance(a), UnknownAccount);
  CHECK_THROWS_AS(bank.close(a), UnknownAccount);
}

TEST_CASE("closed ids are not reused") {
  Bank bank;
  int a = bank.open("ann");
  bank.close(a);
  CHECK(bank.open("bob") == 2);
  CHECK(bank.accounts_of("ann").empty());
}

TEST_CASE("large balances") {
  Bank bank;
  int a = bank.open("rich");
  bank.deposit(a, 5000000000000LL);
  bank.deposit(a, 5000000000000LL);
  CHECK(bank.balance(a) == 10000000000000LL);
  CHECK(bank.total() == 10000000000000LL);
}
