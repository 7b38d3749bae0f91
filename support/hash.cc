#include "support/hash.h"

#include <cstdint>
#include <new>

#include <fmt/format.h>
#include <xxhash.h>

namespace clade {

void ContentHash::Free::operator()(XXH3_state_s* state) const {
  XXH3_freeState(state);
}

ContentHash::ContentHash() : state_(XXH3_createState()) {
  if (!state_) throw std::bad_alloc();
  XXH3_128bits_reset(state_.get());
}

ContentHash::~ContentHash() = default;
ContentHash::ContentHash(ContentHash&&) noexcept = default;
ContentHash& ContentHash::operator=(ContentHash&&) noexcept = default;

ContentHash& ContentHash::Add(std::string_view data) {
  unsigned char length[8];
  uint64_t size = data.size();
  for (unsigned char& byte : length) {  // little-endian, so keys match on every machine
    byte = static_cast<unsigned char>(size & 0xff);
    size >>= 8;
  }
  XXH3_128bits_update(state_.get(), length, sizeof length);
  XXH3_128bits_update(state_.get(), data.data(), data.size());
  return *this;
}

std::string ContentHash::Hex() const {
  XXH128_hash_t digest = XXH3_128bits_digest(state_.get());
  return fmt::format("{:016x}{:016x}", digest.high64, digest.low64);
}

}  // namespace clade
