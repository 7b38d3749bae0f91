#include "support/fs.h"

#include <catch2/catch.hpp>

namespace clade {

TEST_CASE("WriteFileAtomic replaces content and leaves no temporary behind") {
  TempDir dir("fs-test");
  fs::path file = dir.path() / "f.txt";
  REQUIRE(WriteFileAtomic(file, "one"));
  REQUIRE(WriteFileAtomic(file, "two"));
  CHECK(ReadFile(file).value() == "two");
  int entries = 0;
  for ([[maybe_unused]] auto& entry : fs::directory_iterator(dir.path())) ++entries;
  CHECK(entries == 1);
}

TEST_CASE("ReadFile names the missing path and says not found") {
  auto result = ReadFile("/nonexistent/clade/file");
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::kNotFound);
  CHECK(result.error().message.find("/nonexistent/clade/file") != std::string::npos);
}

TEST_CASE("TempDir removes its tree on destruction") {
  fs::path kept;
  {
    TempDir dir("fs-test");
    kept = dir.path();
    REQUIRE(WriteFile(kept / "x", "data"));
  }
  CHECK_FALSE(fs::exists(kept));
}

}  // namespace clade
