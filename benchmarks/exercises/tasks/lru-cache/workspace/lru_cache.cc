#include "lru_cache.h"

LruCache::LruCache(std::size_t capacity) : capacity_(capacity) {}

std::optional<std::string> LruCache::get(int key) {
  (void)key;
  return std::nullopt;
}

void LruCache::put(int key, std::string value) {
  (void)key;
  (void)value;
}

bool LruCache::erase(int key) {
  (void)key;
  return false;
}

std::size_t LruCache::size() const { return 0; }

std::size_t LruCache::capacity() const { return capacity_; }

std::vector<int> LruCache::keys() const { return {}; }
