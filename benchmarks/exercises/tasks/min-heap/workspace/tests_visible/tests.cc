// Visible tests of the exercise min-heap (Catch2 v2).
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
