// Hidden tests of the exercise lru-cache (Catch2 v2).
#include <catch2/catch.hpp>

#include "lru_cache.h"

TEST_CASE("put and get") {
  LruCache cache(2);
  cache.put(1, "one");
  cache.put(2, "two");
  CHECK(cache.get(1) == std::optional<std::string>("one"));
  CHECK(cache.get(2) == std::optional<std::string>("two"));
  CHECK(cache.get(3) == std::nullopt);
  CHECK(cache.size() == 2);
}

TEST_CASE("evicts the least recently used") {
  LruCache cache(2);
  cache.put(1, "one");
  cache.put(2, "two");
  cache.get(1);
  cache.put(3, "three");
  CHECK(cache.get(2) == std::nullopt);
  CHECK(cache.get(1) == std::optional<std::string>("one"));
  CHECK(cache.get(3) == std::optional<std::string>("three"));
}

TEST_CASE("keys in recency order") {
  LruCache cache(3);
  cache.put(1, "a");
  cache.put(2, "b");
  cache.put(3, "c");
  cache.get(1);
  CHECK(cache.keys() == std::vector<int>{1, 3, 2});
}

// Hidden-only cases.

TEST_CASE("zero capacity is rejected") {
  CHECK_THROWS_AS(LruCache(0), std::invalid_argument);
  CHECK(LruCache(5).capacity() == 5);
}

TEST_CASE("put replaces and refreshes") {
  LruCache cache(2);
  cache.put(1, "one");
  cache.put(2, "two");
  cache.put(1, "uno");
  CHECK(cache.size() == 2);
  cache.put(3, "three");
  CHECK(cache.get(1) == std::optional<std::string>("uno"));
  CHECK(cache.get(2) == std::nullopt);
}

TEST_CASE("erase") {
  LruCache cache(2);
  cache.put(1, "one");
  CHECK(cache.erase(1));
  CHECK_FALSE(cache.erase(1));
  CHECK(cache.size() == 0);
  cache.put(2, "two");
  cache.put(3, "three");
  CHECK(cache.keys() == std::vector<int>{3, 2});
}

TEST_CASE("keys is not a use") {
  LruCache cache(2);
  cache.put(1, "a");
  cache.put(2, "b");
  CHECK(cache.keys() == std::vector<int>{2, 1});
  cache.put(3, "c");
  CHECK(cache.keys() == std::vector<int>{3, 2});
}

TEST_CASE("a miss does not change the order") {
  LruCache cache(2);
  cache.put(1, "a");
  cache.put(2, "b");
  cache.get(7);
  CHECK(cache.keys() == std::vector<int>{2, 1});
}

TEST_CASE("capacity one") {
  LruCache cache(1);
  cache.put(1, "a");
  cache.put(2, "b");
  CHECK(cache.get(1) == std::nullopt);
  CHECK(cache.get(2) == std::optional<std::string>("b"));
  CHECK(cache.size() == 1);
}

TEST_CASE("large cache is fast") {
  const int n = 200000;
  LruCache cache(n / 2);
  for (int i = 0; i < n; ++i) cache.put(i, std::to_string(i));
  CHECK(cache.size() == static_cast<std::size_t>(n / 2));
  long long hits = 0;
  for (int i = 0; i < n; ++i) hits += cache.get(i).has_value();
  CHECK(hits == n / 2);
  CHECK(cache.get(n - 1) == std::optional<std::string>(std::to_string(n - 1)));
}
