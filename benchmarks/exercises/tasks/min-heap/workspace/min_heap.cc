#include "min_heap.h"

#include <stdexcept>

MinHeap::MinHeap(std::vector<Item> items) { (void)items; }

void MinHeap::push(int key, std::string value) {
  (void)key;
  (void)value;
}

const Item& MinHeap::top() const { throw std::out_of_range("MinHeap::top: not implemented"); }

Item MinHeap::pop() { throw std::out_of_range("MinHeap::pop: not implemented"); }

std::size_t MinHeap::size() const { return 0; }

bool MinHeap::empty() const { return true; }
