#include "sandbox/log_paths.h"

#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

TEST_CASE("WithPlaceholders writes each folder's placeholder, a nested folder first") {
  fs::path slot = "/w/slot-0";
  std::string log = "cd /w/slot-0/tasks/t1-3/workspace && cc /w/slot-0/src/a.c -o /w/slot-0/build/a\n";
  CHECK(WithPlaceholders(log, {{slot / "src", "{src}"},
                               {slot / "build", "{build}"},
                               {slot / "tasks/t1-3", "{task}"},
                               {slot, "{slot}"}}) ==
        "cd {task}/workspace && cc {src}/a.c -o {build}/a\n");
  CHECK(WithPlaceholders(log, {{fs::path(), "{nothing}"}}) == log);  // an empty path names nothing
}

// /usr/tmp -> /tmp: the canonical form is part of the given one, which must go first.
TEST_CASE("WithPlaceholders names a folder reached through a symlink by either spelling") {
  TempDir dir("log-paths");
  fs::path real = dir.path() / "work";
  fs::create_directories(real);
  fs::create_directories(dir.path() / "via");
  fs::create_symlink("/", dir.path() / "via/root");
  fs::path linked = (dir.path() / "via/root").string() + fs::weakly_canonical(real).string();
  REQUIRE(fs::weakly_canonical(linked) == fs::weakly_canonical(real));
  std::string log = linked.string() + "/a.c:1: error\n" + fs::weakly_canonical(real).string() + "/b.c\n";
  CHECK(WithPlaceholders(log, {{linked, "{src}"}}) == "{src}/a.c:1: error\n{src}/b.c\n");
}

}  // namespace
}  // namespace clade::sandbox
