// A bounded map from int to string that evicts the least recently used entry.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

class LruCache {
 public:
  // Throws std::invalid_argument if capacity is 0.
  explicit LruCache(std::size_t capacity);

  std::optional<std::string> get(int key);  // a hit is a use
  void put(int key, std::string value);      // a use; may evict the least recently used
  bool erase(int key);

  std::size_t size() const;
  std::size_t capacity() const;
  std::vector<int> keys() const;  // most recently used first; not a use

 private:
  std::size_t capacity_;
};
