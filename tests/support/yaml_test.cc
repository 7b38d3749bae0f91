#include "support/yaml.h"

#include <catch2/catch.hpp>

#include "support/fs.h"

namespace clade {
namespace {

YamlDocument Load(const TempDir& dir, const std::string& text) {
  auto file = dir.path() / "x.yaml";
  REQUIRE(WriteFile(file, text));
  return LoadYaml(file).value();
}

}  // namespace

TEST_CASE("An unknown key is named with its file and line") {
  TempDir dir("yaml-test");
  auto doc = Load(dir, "name: a\nlimits:\n  agent_seconds: 3\n  agnet_seconds: 4\n");
  REQUIRE(CheckKeys(doc.file, doc.root, "the suite", {"name", "limits"}));
  auto result = CheckKeys(doc.file, doc.root["limits"], "limits", {"agent_seconds"});
  REQUIRE_FALSE(result);
  CHECK(result.error().kind == ErrorKind::kUsage);
  CHECK(result.error().message ==
        (dir.path() / "x.yaml").string() +
            ":4: unknown key 'agnet_seconds' in limits (expected one of: agent_seconds)");
}

TEST_CASE("A missing required key and a wrong type are errors with lines") {
  TempDir dir("yaml-test");
  auto doc = Load(dir, "id: t\nlimits: 5\n");
  auto missing =
      CheckKeys(doc.file, doc.root, "the task", {"id", "limits", "statement"}, {"statement"});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("has no 'statement'") != std::string::npos);
  auto number = ReadNumber(doc.file, doc.root, "id");
  REQUIRE_FALSE(number);
  CHECK(number.error().message.find("x.yaml:1: 'id' must be a number") != std::string::npos);
  CHECK(ReadNumber(doc.file, doc.root, "limits").value() == 5.0);
  CHECK_FALSE(ReadString(doc.file, doc.root, "nothing").value().has_value());
}

TEST_CASE("Invalid YAML is an error naming line and column") {
  TempDir dir("yaml-test");
  auto file = dir.path() / "bad.yaml";
  REQUIRE(WriteFile(file, "a: [1, 2\nb: 3\n"));
  auto result = LoadYaml(file);
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("bad.yaml:") != std::string::npos);
  CHECK(result.error().message.find("not valid YAML") != std::string::npos);
}

TEST_CASE("ReadStringList takes one string or a list of strings") {
  TempDir dir("yaml-test");
  auto doc = Load(dir, "one: a\nmany: [a, b]\nbad: [a, [b]]\n");
  CHECK(ReadStringList(doc.file, doc.root, "one").value().value() == std::vector<std::string>{"a"});
  CHECK(ReadStringList(doc.file, doc.root, "many").value().value() ==
        std::vector<std::string>{"a", "b"});
  CHECK_FALSE(ReadStringList(doc.file, doc.root, "bad"));
}

}  // namespace clade
