// Hidden tests of the exercise trie-autocomplete (Catch2 v2).
#include <catch2/catch.hpp>

#include "autocomplete.h"

using S = std::vector<std::string>;

TEST_CASE("most used first") {
  Autocomplete ac;
  ac.add("car", 3);
  ac.add("cart", 5);
  ac.add("care");
  ac.add("dog", 9);
  CHECK(ac.complete("car", 10) == S{"cart", "car", "care"});
}

TEST_CASE("k limits the result") {
  Autocomplete ac;
  ac.add("apple", 2);
  ac.add("apply", 4);
  ac.add("apt", 1);
  CHECK(ac.complete("ap", 2) == S{"apply", "apple"});
}

TEST_CASE("counts add up") {
  Autocomplete ac;
  ac.add("hi");
  ac.add("hi", 2);
  CHECK(ac.count("hi") == 3);
  CHECK(ac.count("h") == 0);
  CHECK(ac.size() == 1);
}

// Hidden-only cases.

TEST_CASE("equal counts are alphabetical") {
  Autocomplete ac;
  for (const char* w : {"beta", "bet", "bed", "be"}) ac.add(w);
  CHECK(ac.complete("be", 10) == S{"be", "bed", "bet", "beta"});
}

TEST_CASE("unknown prefix") {
  Autocomplete ac;
  ac.add("hello");
  CHECK(ac.complete("help", 5).empty());
  CHECK(ac.complete("hellos", 5).empty());
  CHECK(ac.complete("HEL", 5).empty());
}

TEST_CASE("empty prefix matches everything") {
  Autocomplete ac;
  ac.add("z", 2);
  ac.add("a");
  CHECK(ac.complete("", 5) == S{"z", "a"});
  CHECK(ac.complete("", 0).empty());
}

TEST_CASE("remove forgets a word") {
  Autocomplete ac;
  ac.add("tea", 4);
  ac.add("team", 2);
  CHECK(ac.remove("tea"));
  CHECK_FALSE(ac.remove("tea"));
  CHECK_FALSE(ac.remove("te"));
  CHECK(ac.count("tea") == 0);
  CHECK(ac.complete("te", 5) == S{"team"});
  CHECK(ac.size() == 1);
  ac.add("tea");
  CHECK(ac.complete("te", 5) == S{"team", "tea"});
}

TEST_CASE("invalid words are rejected") {
  Autocomplete ac;
  CHECK_THROWS_AS(ac.add(""), std::invalid_argument);
  CHECK_THROWS_AS(ac.add("Hello"), std::invalid_argument);
  CHECK_THROWS_AS(ac.add("two words"), std::invalid_argument);
  CHECK_THROWS_AS(ac.add("ok", 0), std::invalid_argument);
  CHECK(ac.size() == 0);
}

TEST_CASE("count of unknown and empty words") {
  Autocomplete ac;
  ac.add("a");
  CHECK(ac.count("") == 0);
  CHECK(ac.count("b") == 0);
  CHECK(ac.count("A") == 0);
}

TEST_CASE("many words") {
  Autocomplete ac;
  std::string w = "aaaa";
  for (int i = 0; i < 50000; ++i) {
    int x = i;
    for (int j = 3; j >= 0; --j, x /= 26) w[j] = static_cast<char>('a' + x % 26);
    ac.add(w, 1 + i % 7);
  }
  CHECK(ac.size() == 50000);
  std::size_t total = 0;
  for (int i = 0; i < 26 * 26; ++i) {
    std::string prefix = {static_cast<char>('a' + i / 26), static_cast<char>('a' + i % 26)};
    total += ac.complete(prefix, 3).size();
  }
  CHECK(total > 0);
  CHECK(ac.complete("bx", 1) == S{"bxag"});
  CHECK(ac.complete("cx", 1).empty());
}
