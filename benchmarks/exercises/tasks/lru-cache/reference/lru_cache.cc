#include "lru_cache.h"

#include <stdexcept>

LruCache::LruCache(std::size_t capacity) : capacity_(capacity) {
  if (capacity == 0) throw std::invalid_argument("LruCache: capacity 0");
}

std::optional<std::string> LruCache::get(int key) {
  auto it = index_.find(key);
  if (it == index_.end()) return std::nullopt;
  order_.splice(order_.begin(), order_, it->second);
  return it->second->second;
}

void LruCache::put(int key, std::string value) {
  auto it = index_.find(key);
  if (it != index_.end()) {
    it->second->second = std::move(value);
    order_.splice(order_.begin(), order_, it->second);
    return;
  }
  if (order_.size() == capacity_) {
    index_.erase(order_.back().first);
    order_.pop_back();
  }
  order_.emplace_front(key, std::move(value));
  index_[key] = order_.begin();
}

bool LruCache::erase(int key) {
  auto it = index_.find(key);
  if (it == index_.end()) return false;
  order_.erase(it->second);
  index_.erase(it);
  return true;
}

std::size_t LruCache::size() const { return order_.size(); }

std::size_t LruCache::capacity() const { return capacity_; }

std::vector<int> LruCache::keys() const {
  std::vector<int> out;
  for (const Entry& e : order_) out.push_back(e.first);
  return out;
}
