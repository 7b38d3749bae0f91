#include "engine/mutation/glob.h"

#include <catch2/catch.hpp>

using clade::mutation::EditableSet;
using clade::mutation::GlobMatch;

TEST_CASE("GlobMatch: ** spans any number of directories") {
  CHECK(GlobMatch("src/**", "src/a.cc"));
  CHECK(GlobMatch("src/**", "src/x/y/z.h"));
  CHECK_FALSE(GlobMatch("src/**", "include/a.h"));
  CHECK(GlobMatch("**/*.h", "a.h"));
  CHECK(GlobMatch("**/*.h", "src/deep/a.h"));
  CHECK_FALSE(GlobMatch("**/*.h", "src/a.cc"));
  CHECK(GlobMatch("src/**/test_*.cc", "src/test_a.cc"));
  CHECK(GlobMatch("src/**/test_*.cc", "src/x/test_a.cc"));
}

TEST_CASE("GlobMatch: * and ? stay within one segment") {
  CHECK(GlobMatch("*.cc", "main.cc"));
  CHECK_FALSE(GlobMatch("*.cc", "src/main.cc"));
  CHECK(GlobMatch("src/?.h", "src/a.h"));
  CHECK_FALSE(GlobMatch("src/?.h", "src/ab.h"));
  CHECK(GlobMatch("src/*", "src/main.cc"));
}

TEST_CASE("GlobMatch: a directory name matches the files below it") {
  CHECK(GlobMatch("src", "src/main.cc"));
  CHECK(GlobMatch("src/", "src/a/b.cc"));
  CHECK_FALSE(GlobMatch("src", "srcs/main.cc"));
}

TEST_CASE("EditableSet: default is everything but agent.yaml, globs restrict") {
  EditableSet all;
  CHECK(all.Contains("src/main.cc"));
  CHECK(all.Contains("CMakeLists.txt"));
  CHECK_FALSE(all.Contains("agent.yaml"));
  EditableSet src({"src/**"});
  CHECK(src.Contains("src/main.cc"));
  CHECK_FALSE(src.Contains("CMakeLists.txt"));
  EditableSet everything({"**"});
  CHECK_FALSE(everything.Contains("agent.yaml"));
  CHECK(everything.Contains("sub/agent.yaml"));
}
