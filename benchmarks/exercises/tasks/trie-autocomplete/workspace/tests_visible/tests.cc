// Visible tests of the exercise trie-autocomplete (Catch2 v2).
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
