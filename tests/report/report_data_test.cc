#include "engine/report/report_data.h"

#include "tests/report/sample_archive.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"
#include "support/fs.h"

namespace clade::report {
namespace {

using report_test::BuildSampleArchive;
using report_test::SampleArchive;

struct Opened {
  TempDir dir{"clade-report-data"};
  SampleArchive sample = BuildSampleArchive(dir.path() / "run.git", 30);
  std::unique_ptr<archive::Archive> archive = *archive::Archive::Open(sample.path);
  ReportOptions options = [] {
    ReportOptions o;
    o.benchmark = "repair";
    return o;
  }();
};

TEST_CASE("SummaryJson lists every variant with status, score, pruned and the best path") {
  Opened o;
  auto summary = SummaryJson(*o.archive, o.options);
  REQUIRE(summary);
  const auto& variants = (*summary)["variants"];
  REQUIRE(variants.size() == static_cast<size_t>(o.sample.variants));
  CHECK((*summary)["run"] == "run");
  CHECK((*summary)["benchmark"] == "repair");
  CHECK((*summary)["best"] == o.sample.best);
  auto path = (*summary)["best_path"];
  REQUIRE(path.size() >= 2);
  CHECK(path.front() == 0);
  CHECK(path.back() == o.sample.best);
  CHECK(variants[o.sample.build_failed]["status"] == "build_failed");
  CHECK(variants[17]["status"] == "not_evaluated");
  CHECK(variants[17]["score"].is_null());
  CHECK(variants[o.sample.pruned]["pruned"] == true);
  CHECK(variants[0]["pruned"] == false);
  CHECK(variants[o.sample.crossover]["parents"].size() == 2);
  CHECK(variants[o.sample.llm]["mutator"] == "llm");
  int counted = 0;
  for (const auto& [status, count] : (*summary)["counts"].items()) counted += count.get<int>();
  CHECK(counted == o.sample.variants);
  CHECK((*summary)["counts"]["build_timeout"] == 2);  // 11 and 22
  // The one child a model made, with its tokens (docs/models.md, "Ensembles").
  REQUIRE((*summary)["models"].size() == 1);
  CHECK((*summary)["models"][0]["name"] == "qwen2.5-coder-7b");
  CHECK((*summary)["models"][0]["children"] == 1);
  CHECK((*summary)["models"][0]["tokens"] == 1834);
}

TEST_CASE("SummaryJson without a benchmark has no scores and no best") {
  Opened o;
  auto summary = SummaryJson(*o.archive, ReportOptions{});
  REQUIRE(summary);
  CHECK((*summary)["benchmark"].is_null());
  CHECK((*summary)["best"].is_null());
  CHECK((*summary)["best_path"].empty());
  CHECK((*summary)["variants"][1]["status"] == "not_evaluated");
}

TEST_CASE("DetailJson of a gi child has its edits as JSON, its seed, tasks and diff") {
  Opened o;
  auto detail = DetailJson(*o.archive, 1, o.options);
  REQUIRE(detail);
  const auto& mutation = (*detail)["mutation"];
  CHECK(mutation["mutator"] == "gi");
  CHECK(mutation["seed"] == "1");
  REQUIRE(mutation["edits"].size() == 1);
  CHECK(mutation["edits"][0]["op"] == "constant");
  CHECK(mutation["record"]["mutator"] == "gi");
  CHECK((*detail)["record"]["tasks"].size() == 3);
  CHECK((*detail)["diff"]["parent"] == 0);
  CHECK((*detail)["diff"]["cut"] == false);
  std::string diff = (*detail)["diff"]["text"];
  CHECK(diff.find("+int f") != std::string::npos);
  CHECK(diff.find("// v1") != std::string::npos);
}

TEST_CASE("DetailJson shows an llm child's prompt and response, and a failed build's log") {
  Opened o;
  auto llm = DetailJson(*o.archive, o.sample.llm, o.options);
  REQUIRE(llm);
  REQUIRE((*llm)["logs"].size() == 2);
  CHECK((*llm)["logs"][0]["path"] == "mutation/prompt.md");
  CHECK((*llm)["logs"][1]["text"].get<std::string>().find("SEARCH") != std::string::npos);
  CHECK((*llm)["mutation"]["edits"].empty());
  CHECK((*llm)["mutation"]["record"]["model"] == "qwen2.5-coder-7b");
  auto failed = DetailJson(*o.archive, o.sample.build_failed, o.options);
  REQUIRE(failed);
  REQUIRE((*failed)["logs"].size() == 1);
  CHECK((*failed)["logs"][0]["path"] == "build.log");
  CHECK((*failed)["log_paths"] == nlohmann::json::array({"build.log"}));
}

TEST_CASE("DetailJson handles a seed, an untagged child and a crossover") {
  Opened o;
  auto seed = DetailJson(*o.archive, 0, o.options);
  REQUIRE(seed);
  CHECK((*seed)["diff"].is_null());
  CHECK((*seed)["mutation"]["mutator"] == "manual");
  auto untagged = DetailJson(*o.archive, o.sample.untagged, o.options);
  REQUIRE(untagged);
  CHECK((*untagged)["mutation"]["mutator"].is_null());
  CHECK((*untagged)["mutation"]["edits"].empty());
  CHECK((*untagged)["mutation"]["record"].is_null());
  CHECK((*untagged)["trailers"].size() == 2);  // Clade-Variant and Clade-Parent only
  auto crossover = DetailJson(*o.archive, o.sample.crossover, o.options);
  REQUIRE(crossover);
  CHECK((*crossover)["parents"].size() == 2);
  CHECK((*crossover)["diff"]["parent"] == (*crossover)["parents"][0]);
}

TEST_CASE("DetailJson cuts a diff over the cap and says so") {
  Opened o;
  auto detail = DetailJson(*o.archive, o.sample.big_diff, o.options);
  REQUIRE(detail);
  const auto& diff = (*detail)["diff"];
  CHECK(diff["cut"] == true);
  CHECK(diff["bytes"].get<size_t>() > o.options.diff_cap_bytes);
  std::string text = diff["text"];
  CHECK(text.size() <= o.options.diff_cap_bytes);
  CHECK(text.back() == '\n');
}

TEST_CASE("CapDiff keeps whole lines") {
  CHECK(CapDiff("a\nb\n", 10)["cut"] == false);
  auto cut = CapDiff("line one\nline two\n", 12);
  CHECK(cut["text"] == "line one\n");
  CHECK(cut["bytes"] == 18);
  CHECK(cut["cut"] == true);
  CHECK(CapDiff("no newline at all", 5)["text"] == "");
}

}  // namespace
}  // namespace clade::report
