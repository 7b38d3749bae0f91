#include "archive/outcome_cache.h"

#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/fs.h"
#include "tests/test_util.h"

namespace clade::archive {
namespace {

struct Fixture {
  TempDir dir{"outcome-cache"};
  fs::path path = dir.path() / "a.git";
  fs::path cache = path / "clade-cache" / "b.json";
  std::unique_ptr<Archive> writer;

  Fixture() {
    testing::WriteTree(dir.path() / "seed", {{"a.txt", "a\n"}});
    writer = Archive::Create(path).value();
    std::string tree = writer->WriteTreeFromDirectory(dir.path() / "seed").value();
    for (int i = 0; i < 3; ++i) {
      std::vector<VariantId> parents;
      if (i > 0) parents.push_back(0);
      writer->AddVariant({.tree = tree, .parents = parents}).value();
    }
  }

  std::vector<Outcome> Read() {
    auto reader = Archive::Open(path).value();
    return *reader->Outcomes("b").value();
  }
};

}  // namespace

TEST_CASE("ParseOutcome reads status and score, and marks what is not a record") {
  Outcome good = ParseOutcome(R"({"status":"evaluated","score":0.25,"tasks":[]})");
  CHECK(good.status == "evaluated");
  CHECK(good.score == 0.25);
  CHECK(ParseOutcome(R"({"status":"timeout"})").score == std::nullopt);
  CHECK(ParseOutcome("not json").status == "unreadable");
  CHECK(ParseOutcome(R"({"score":"high"})").status == "unknown");
}

TEST_CASE("The outcome cache is written, and a stale cache is brought up to date") {
  Fixture f;
  REQUIRE(f.writer->SetRecord(1, "b", {{"status", "evaluated"}, {"score", 0.5}}));
  CHECK(f.Read()[1].score == 0.5);
  REQUIRE(fs::exists(f.cache));
  std::string first = ReadFile(f.cache).value();
  REQUIRE(f.writer->SetRecord(2, "b", {{"status", "build_failed"}}));
  REQUIRE(f.writer->SetRecord(1, "b", {{"status", "evaluated"}, {"score", 0.75}}));
  auto outcomes = f.Read();
  CHECK(outcomes[1].score == 0.75);
  CHECK(outcomes[2].status == "build_failed");
  CHECK(outcomes[0].status.empty());
  CHECK(ReadFile(f.cache).value() != first);
}

TEST_CASE("A damaged or foreign cache file is ignored") {
  Fixture f;
  REQUIRE(f.writer->SetRecord(1, "b", {{"status", "evaluated"}, {"score", 0.5}}));
  fs::create_directories(f.cache.parent_path());
  SECTION("not JSON") { REQUIRE(WriteFile(f.cache, "{{{ garbage")); }
  SECTION("names a commit that does not exist") {
    REQUIRE(WriteFile(f.cache, R"({"notes_commit":")" + std::string(40, 'a') +
                                   R"(","outcomes":{"x":["evaluated",1.0]}})"));
  }
  auto outcomes = f.Read();
  CHECK(outcomes[1].score == 0.5);
  CHECK_FALSE(outcomes[2].score.has_value());
}

}  // namespace clade::archive
