// A stable min-priority queue of (int key, string value) items.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct Item {
  int key;
  std::string value;
};

class MinHeap {
 public:
  MinHeap() = default;
  explicit MinHeap(std::vector<Item> items);  // O(n); vector order is push order

  void push(int key, std::string value);
  const Item& top() const;  // smallest key, first pushed among equals; throws if empty
  Item pop();               // throws std::out_of_range if empty
  std::size_t size() const;
  bool empty() const;

 private:
  struct Node {
    Item item;
    std::uint64_t seq;  // push order, for stability
  };
  static bool less(const Node& a, const Node& b);
  void sift_up(std::size_t i);
  void sift_down(std::size_t i);

  std::vector<Node> nodes_;
  std::uint64_t next_seq_ = 0;
};
