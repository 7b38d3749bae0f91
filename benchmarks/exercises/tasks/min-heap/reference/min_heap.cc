#include "min_heap.h"

#include <stdexcept>
#include <utility>

bool MinHeap::less(const Node& a, const Node& b) {
  return a.item.key != b.item.key ? a.item.key < b.item.key : a.seq < b.seq;
}

void MinHeap::sift_up(std::size_t i) {
  while (i > 0) {
    std::size_t parent = (i - 1) / 2;
    if (!less(nodes_[i], nodes_[parent])) return;
    std::swap(nodes_[i], nodes_[parent]);
    i = parent;
  }
}

void MinHeap::sift_down(std::size_t i) {
  for (;;) {
    std::size_t smallest = i;
    for (std::size_t child : {2 * i + 1, 2 * i + 2})
      if (child < nodes_.size() && less(nodes_[child], nodes_[smallest])) smallest = child;
    if (smallest == i) return;
    std::swap(nodes_[i], nodes_[smallest]);
    i = smallest;
  }
}

MinHeap::MinHeap(std::vector<Item> items) {
  nodes_.reserve(items.size());
  for (Item& item : items) nodes_.push_back({std::move(item), next_seq_++});
  for (std::size_t i = nodes_.size() / 2; i-- > 0;) sift_down(i);
}

void MinHeap::push(int key, std::string value) {
  nodes_.push_back({{key, std::move(value)}, next_seq_++});
  sift_up(nodes_.size() - 1);
}

const Item& MinHeap::top() const {
  if (nodes_.empty()) throw std::out_of_range("MinHeap::top: empty");
  return nodes_.front().item;
}

Item MinHeap::pop() {
  if (nodes_.empty()) throw std::out_of_range("MinHeap::pop: empty");
  Item out = std::move(nodes_.front().item);
  nodes_.front() = std::move(nodes_.back());
  nodes_.pop_back();
  if (!nodes_.empty()) sift_down(0);
  return out;
}

std::size_t MinHeap::size() const { return nodes_.size(); }

bool MinHeap::empty() const { return nodes_.empty(); }
