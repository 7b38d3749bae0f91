// A content hash for cache keys: XXH3 with 128 bits (libxxhash), stable across runs,
// builds and machines. Fast, and collisions are astronomically unlikely by chance, but it
// is not cryptographic: nothing that trusts a key may depend on it alone (the response
// cache, for one, keeps the whole request beside the answer and compares it on a hit).
//
// Thread safety: one object per thread; objects are independent.
#pragma once

#include <memory>
#include <string>
#include <string_view>

struct XXH3_state_s;

namespace clade {

class ContentHash {
 public:
  ContentHash();
  ~ContentHash();
  ContentHash(ContentHash&&) noexcept;
  ContentHash& operator=(ContentHash&&) noexcept;

  // Adds one piece. Pieces are length-prefixed, so ("ab", "c") and ("a", "bc") differ.
  ContentHash& Add(std::string_view data);
  // 32 lowercase hex digits of the pieces added so far.
  std::string Hex() const;

 private:
  struct Free {
    void operator()(XXH3_state_s* state) const;
  };
  std::unique_ptr<XXH3_state_s, Free> state_;
};

}  // namespace clade
