#include "support/hash.h"

#include <set>
#include <string>

#include <catch2/catch.hpp>

namespace clade {
namespace {

TEST_CASE("ContentHash is 128 bits of hex, the same for the same pieces") {
  std::string a = ContentHash().Add("agent").Add("source").Hex();
  CHECK(a.size() == 32);
  CHECK(a.find_first_not_of("0123456789abcdef") == std::string::npos);
  CHECK(ContentHash().Add("agent").Add("source").Hex() == a);
  CHECK(ContentHash().Hex().size() == 32);
}

TEST_CASE("ContentHash tells pieces apart by where they split, and by every byte") {
  std::set<std::string> seen = {
      ContentHash().Add("ab").Add("c").Hex(),
      ContentHash().Add("a").Add("bc").Hex(),
      ContentHash().Add("abc").Hex(),
      ContentHash().Add("abc").Add("").Hex(),
      ContentHash().Add("").Add("abc").Hex(),
      ContentHash().Add("abd").Hex(),
      ContentHash().Add(std::string(1, '\0')).Hex(),
      ContentHash().Hex(),
  };
  CHECK(seen.size() == 8);
}

TEST_CASE("ContentHash of a known input is XXH3-128 of its length-prefixed bytes") {
  // The value `xxhsum -H2` prints for the 13 bytes 05 00 00 00 00 00 00 00 'clade' (the
  // piece's length, little-endian, then the piece): a change of library, byte order or
  // prefixing, which would silently change every evaluation key and cache key, fails here.
  CHECK(ContentHash().Add("clade").Hex() == "a6bc0b48a1359c8dd70f3943c62b361b");
  ContentHash moving;
  moving.Add("clade");
  ContentHash moved = std::move(moving);
  CHECK(moved.Hex() == "a6bc0b48a1359c8dd70f3943c62b361b");
}

}  // namespace
}  // namespace clade
