#include "engine/mutation/compile_flags.h"

#include <catch2/catch.hpp>

#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

TEST_CASE("CompileFlags: fallback includes the root, src and include") {
  std::vector<std::string> flags = CompileFlags::Fallback("/a").For("/a/src/x.cc");
  CHECK(flags == std::vector<std::string>{"-std=c++20", "-I/a", "-I/a/src", "-I/a/include"});
}

TEST_CASE("CompileFlags: a compile database keeps flags, drops the build's own") {
  TempDir dir;
  const std::string json = R"([
    {"directory": "/b", "file": "/r/src/main.cc",
     "command": "/usr/bin/c++ -DX=\"a b\" -Iinc -std=c++17 -o main.o -c /r/src/main.cc -MD -MF main.d"},
    {"directory": "/b", "file": "/r/tools/t.cc",
     "arguments": ["c++", "-I", "/r/tools", "-c", "/r/tools/t.cc"]}
  ])";
  REQUIRE(WriteFile(dir.path() / "compile_commands.json", json));
  auto flags = CompileFlags::FromDatabase(dir.path() / "compile_commands.json", "/r");
  REQUIRE(flags);
  CHECK(flags->For("/r/src/main.cc") ==
        std::vector<std::string>{"-DX=a b", "-I/b/inc", "-std=c++17"});
  CHECK(flags->For("/r/tools/t.cc") == std::vector<std::string>{"-I/r/tools"});
  // A header takes the flags of a source in its directory; elsewhere the first entry's.
  CHECK(flags->For("/r/tools/t.h") == std::vector<std::string>{"-I/r/tools"});
  CHECK(flags->For("/r/other/o.h") == flags->For("/r/src/main.cc"));
}

TEST_CASE("CompileFlags: a file that is not a compile database is a usage error") {
  TempDir dir;
  REQUIRE(WriteFile(dir.path() / "cc.json", "{\"not\": \"a list\"}"));
  auto flags = CompileFlags::FromDatabase(dir.path() / "cc.json", "/r");
  REQUIRE_FALSE(flags);
  CHECK(flags.error().kind == ErrorKind::kUsage);
  CHECK(flags.error().message.find("cc.json") != std::string::npos);
}

TEST_CASE("SplitCommandLine: quotes and backslashes") {
  CHECK(SplitCommandLine(R"(cc -D'A B' "x\"y" a\ b  c)") ==
        std::vector<std::string>{"cc", "-DA B", "x\"y", "a b", "c"});
}
