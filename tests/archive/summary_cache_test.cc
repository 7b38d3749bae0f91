#include "archive/summary_cache.h"

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/fs.h"

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

  std::vector<RecordSummary> Read() {
    auto reader = Archive::Open(path).value();
    return *reader->Summaries("b").value();
  }
};

}  // namespace

TEST_CASE("ParseRecordSummary reads status and score, and refuses what is not a record") {
  RecordSummary good =
      ParseRecordSummary(R"({"status":"evaluated","score":0.25,"tasks":[]})").value();
  CHECK(good.status == EvalStatus::kEvaluated);
  CHECK(good.score == 0.25);
  CHECK(ParseRecordSummary(R"({"status":"build_timeout"})").value().score == std::nullopt);
  CHECK_FALSE(ParseRecordSummary("not json"));
  CHECK_FALSE(ParseRecordSummary(R"({"score":"high"})"));
  auto unknown = ParseRecordSummary(R"({"status":"timeout","score":0.5})");
  REQUIRE_FALSE(unknown);
  CHECK_THAT(unknown.error().message, Catch::Contains("'timeout' is not an evaluation status"));
}

TEST_CASE("A record whose status is no status is refused, and the archive is unchanged") {
  Fixture f;
  REQUIRE(f.writer->SetRecord(1, "b", {{"status", "evaluated"}, {"score", 0.5}}));
  auto refused = f.writer->SetRecord(2, "b", {{"status", "great"}, {"score", 1.0}});
  REQUIRE_FALSE(refused);
  CHECK_THAT(refused.error().message, Catch::Contains("variant 2") &&
                                          Catch::Contains("'great' is not an evaluation status"));
  CHECK_FALSE(f.writer->Record(2, "b").value().has_value());
  CHECK(f.Read()[1].score == 0.5);
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
  CHECK(outcomes[2].status == EvalStatus::kBuildFailed);
  CHECK_FALSE(outcomes[0].status.has_value());
  CHECK(ReadFile(f.cache).value() != first);
}

TEST_CASE("A damaged or foreign cache file is ignored") {
  Fixture f;
  REQUIRE(f.writer->SetRecord(1, "b", {{"status", "evaluated"}, {"score", 0.5}}));
  fs::create_directories(f.cache.parent_path());
  SECTION("not JSON") {
    REQUIRE(WriteFile(f.cache, "{{{ garbage"));
  }
  SECTION("names a commit that does not exist") {
    REQUIRE(WriteFile(f.cache, R"({"notes_commit":")" + std::string(40, 'a') +
                                   R"(","outcomes":{"x":["evaluated",1.0]}})"));
  }
  auto outcomes = f.Read();
  CHECK(outcomes[1].score == 0.5);
  CHECK_FALSE(outcomes[2].score.has_value());
}

}  // namespace clade::archive
