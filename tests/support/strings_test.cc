#include "support/strings.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

namespace clade {

TEST_CASE("Trim removes surrounding white space only") {
  CHECK(Trim("  a b \n") == "a b");
  CHECK(Trim(" \t\n").empty());
}

TEST_CASE("Split keeps empty fields") {
  CHECK(Split("a,,b", ',') == std::vector<std::string>{"a", "", "b"});
  CHECK(Split("", ',') == std::vector<std::string>{""});
}

TEST_CASE("ParseNonNegative accepts whole decimal numbers only") {
  long long value = -1;
  CHECK(ParseNonNegative("42", &value));
  CHECK(value == 42);
  CHECK_FALSE(ParseNonNegative("4x", &value));
  CHECK_FALSE(ParseNonNegative("-3", &value));
  CHECK_FALSE(ParseNonNegative("", &value));
}

TEST_CASE("CapText keeps head and tail and says how much it cut") {
  std::string text(1000, 'a');
  text += std::string(1000, 'z');
  std::string capped = CapText(text, 100);
  CHECK(capped.substr(0, 50) == std::string(50, 'a'));
  CHECK(capped.substr(capped.size() - 50) == std::string(50, 'z'));
  CHECK(capped.find("cut 1900 bytes") != std::string::npos);
  CHECK(CapText("short", 100) == "short");
}

}  // namespace clade

TEST_CASE("ShellQuote makes one word of any text for /bin/sh") {
  for (const std::string text : {"plain", "two words", "it's", "'", "$HOME `x` \"q\" \\", ""}) {
    auto result = clade::testing::Shell("printf '%s' " + clade::ShellQuote(text));
    CHECK(result.output == text);
  }
}
