#include "engine/mutation/token_hash.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade::mutation {
namespace {

namespace fs = std::filesystem;

TEST_CASE("SourceTokens drops comments and whitespace and keeps every token's spelling") {
  std::vector<std::string> expected = {"int", "f", "(", ")", "{", "return", "x", "+",
                                       "0.25", ";", "}"};
  CHECK(SourceTokens("int f() { return x + 0.25; }") == expected);
  CHECK(SourceTokens("int f()\n{\n  // why\n  return x /* plus */ +   0.25;\n}\n") == expected);
  // A string literal keeps its inner spaces; another number is another token.
  CHECK(SourceTokens("s = \"a  b\";") != SourceTokens("s = \"a b\";"));
  CHECK(SourceTokens("return x + 0.25;") != SourceTokens("return x + 0.5;"));
  CHECK(SourceTokens("a - -b") != SourceTokens("a -- b"));
}

TEST_CASE("SourceTokens keeps where a preprocessor directive ends") {
  CHECK(SourceTokens("#define A 1\nint x;") != SourceTokens("#define A 1 int x;"));
  CHECK(SourceTokens("#include <x>\n\n\nint y;") == SourceTokens("#include <x>  // x\nint y;"));
}

TEST_CASE("TokenTreeHash: C++ files by their tokens, other files by their bytes") {
  TempDir a("clade-token-a");
  TempDir b("clade-token-b");
  testing::WriteTree(a.path(), {{"src/main.cc", "int main() { return 0; }\n"},
                                {"agent.yaml", "name: x\n"}});
  testing::WriteTree(b.path(), {{"src/main.cc", "// the entry\nint main()\n{\n  return 0;\n}\n"},
                                {"agent.yaml", "name: x\n"}});
  CHECK(*TokenTreeHash(a.path()) == *TokenTreeHash(b.path()));
  REQUIRE(WriteFile(b.path() / "agent.yaml", "name:  x\n"));  // not C++: bytes count
  CHECK(*TokenTreeHash(a.path()) != *TokenTreeHash(b.path()));
  REQUIRE(WriteFile(b.path() / "agent.yaml", "name: x\n"));
  REQUIRE(WriteFile(b.path() / "src/main.cc", "int main() { return 1; }\n"));
  CHECK(*TokenTreeHash(a.path()) != *TokenTreeHash(b.path()));
  // A file moved is a change too.
  REQUIRE(WriteFile(b.path() / "src/main.cc", "int main() { return 0; }\n"));
  fs::rename(b.path() / "src/main.cc", b.path() / "src/entry.cc");
  CHECK(*TokenTreeHash(a.path()) != *TokenTreeHash(b.path()));
  CHECK_FALSE(TokenTreeHash(a.path() / "missing"));
}

}  // namespace
}  // namespace clade::mutation
