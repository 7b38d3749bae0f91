// A fast, stable 64-bit content hash (FNV-1a), for cache keys. Not for security.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include <fmt/format.h>

namespace clade {

class ContentHash {
 public:
  ContentHash& Add(std::string_view data) {
    for (unsigned char c : data) {
      state_ ^= c;
      state_ *= 0x100000001b3ULL;
    }
    // A separator, so that ("ab", "c") and ("a", "bc") differ.
    state_ ^= 0xff;
    state_ *= 0x100000001b3ULL;
    return *this;
  }
  std::string Hex() const { return fmt::format("{:016x}", state_); }

 private:
  uint64_t state_ = 0xcbf29ce484222325ULL;
};

}  // namespace clade
