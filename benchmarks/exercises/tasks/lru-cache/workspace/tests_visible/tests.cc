// Visible tests of the exercise lru-cache (Catch2 v2).
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
