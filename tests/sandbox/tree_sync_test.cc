#include "sandbox/tree_sync.h"

#include <catch2/catch.hpp>

#include "support/fs.h"
#include "tests/test_util.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

TEST_CASE("SyncDirectory copies a tree of new folders into a new target") {
  // Only folders at the top: whatever order the directory lists them in, the last entry
  // synced is a folder the target does not have yet (the fresh-work-directory bug).
  TempDir dir("sync-test");
  testing::WriteTree(dir.path() / "a",
                     {{"src/main.cpp", "int main() {}\n"}, {"tools/keep.cpp", "// kept\n"}});
  SyncStats stats = SyncDirectory(dir.path() / "a", dir.path() / "b").value();
  CHECK(stats.written == 2);
  CHECK(ReadFile(dir.path() / "b/src/main.cpp").value() == "int main() {}\n");
  CHECK(ReadFile(dir.path() / "b/tools/keep.cpp").value() == "// kept\n");
}

TEST_CASE("SyncDirectory removes what the source no longer has") {
  TempDir dir("sync-test");
  testing::WriteTree(dir.path() / "a", {{"x/1.txt", "1"}, {"2.txt", "2"}});
  REQUIRE(SyncDirectory(dir.path() / "a", dir.path() / "b"));
  fs::remove_all(dir.path() / "a/x");
  SyncStats stats = SyncDirectory(dir.path() / "a", dir.path() / "b").value();
  CHECK(stats.removed == 1);
  CHECK(stats.kept == 1);
  CHECK_FALSE(fs::exists(dir.path() / "b/x"));
}

TEST_CASE("SyncDirectory replaces a file by a folder of the same name") {
  TempDir dir("sync-test");
  testing::WriteTree(dir.path() / "a", {{"x/1.txt", "1"}});
  testing::WriteTree(dir.path() / "b", {{"x", "a file"}});
  REQUIRE(SyncDirectory(dir.path() / "a", dir.path() / "b"));
  CHECK(ReadFile(dir.path() / "b/x/1.txt").value() == "1");
}

TEST_CASE("SyncDirectory names a missing source") {
  TempDir dir("sync-test");
  auto result = SyncDirectory(dir.path() / "none", dir.path() / "b");
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("none") != std::string::npos);
}

}  // namespace
}  // namespace clade::sandbox
