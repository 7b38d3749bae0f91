// Hidden tests of the exercise min-heap (Catch2 v2).
#include <catch2/catch.hpp>

#include "min_heap.h"

TEST_CASE("pops in key order") {
  MinHeap heap;
  heap.push(5, "e");
  heap.push(1, "a");
  heap.push(3, "c");
  CHECK(heap.size() == 3);
  CHECK(heap.pop().value == "a");
  CHECK(heap.pop().value == "c");
  CHECK(heap.pop().value == "e");
  CHECK(heap.empty());
}

TEST_CASE("top does not remove") {
  MinHeap heap;
  heap.push(2, "x");
  CHECK(heap.top().key == 2);
  CHECK(heap.size() == 1);
}

TEST_CASE("empty heap throws") {
  MinHeap heap;
  CHECK_THROWS_AS(heap.pop(), std::out_of_range);
}

// Hidden-only cases.

#include <algorithm>
#include <random>

TEST_CASE("equal keys come out in push order") {
  MinHeap heap;
  for (const char* v : {"first", "second", "third"}) heap.push(7, v);
  heap.push(3, "low");
  CHECK(heap.pop().value == "low");
  CHECK(heap.pop().value == "first");
  CHECK(heap.pop().value == "second");
  CHECK(heap.pop().value == "third");
}

TEST_CASE("top of empty heap throws") {
  MinHeap heap;
  CHECK_THROWS_AS(heap.top(), std::out_of_range);
  heap.push(1, "a");
  heap.pop();
  CHECK_THROWS_AS(heap.top(), std::out_of_range);
}

TEST_CASE("negative keys") {
  MinHeap heap;
  heap.push(0, "zero");
  heap.push(-10, "minus ten");
  heap.push(INT32_MIN, "min");
  CHECK(heap.pop().value == "min");
  CHECK(heap.pop().value == "minus ten");
}

TEST_CASE("build from a vector") {
  MinHeap heap({{4, "d"}, {2, "b"}, {9, "i"}, {2, "b2"}, {1, "a"}});
  CHECK(heap.size() == 5);
  std::string order;
  while (!heap.empty()) order += heap.pop().value + " ";
  CHECK(order == "a b b2 d i ");
}

TEST_CASE("interleaved push and pop") {
  MinHeap heap;
  heap.push(5, "5");
  heap.push(3, "3");
  CHECK(heap.pop().key == 3);
  heap.push(4, "4");
  heap.push(1, "1");
  CHECK(heap.pop().key == 1);
  CHECK(heap.pop().key == 4);
  CHECK(heap.pop().key == 5);
}

TEST_CASE("random keys come out sorted") {
  std::mt19937 rng(42);
  std::vector<int> keys;
  MinHeap heap;
  for (int i = 0; i < 1000; ++i) {
    keys.push_back(static_cast<int>(rng() % 100));
    heap.push(keys.back(), std::to_string(i));
  }
  std::sort(keys.begin(), keys.end());
  for (int k : keys) REQUIRE(heap.pop().key == k);
}

TEST_CASE("stable over many equal keys") {
  MinHeap heap;
  for (int i = 0; i < 300; ++i) heap.push(i % 3, std::to_string(i));
  int last_value = -1;
  for (int i = 0; i < 100; ++i) {
    Item item = heap.pop();
    REQUIRE(item.key == 0);
    REQUIRE(std::stoi(item.value) > last_value);
    last_value = std::stoi(item.value);
  }
}

TEST_CASE("large heap") {
  const int n = 200000;
  std::vector<Item> items;
  for (int i = 0; i < n; ++i) items.push_back({(i * 7919) % n, ""});
  MinHeap heap(std::move(items));
  for (int i = 0; i < n; ++i) heap.push(-i, "");
  int out_of_order = 0;
  for (int i = 0; i < n; ++i) out_of_order += heap.pop().key != -(n - 1) + i;
  for (int i = 0; i < n; ++i) out_of_order += heap.pop().key != i;
  CHECK(out_of_order == 0);
  CHECK(heap.empty());
}
