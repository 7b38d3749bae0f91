#include "engine/cli/status_command.h"

#include "tests/cli/cli_test_util.h"
#include <catch2/catch.hpp>

#include "archive/archive.h"

namespace clade::cli_test {
namespace {

TEST_CASE("StatusJson counts evaluated, stopped early, duplicate, failed, unevaluated and pruned") {
  std::vector<cli::Variant> variants(6);
  for (int i = 0; i < 6; ++i) variants[static_cast<size_t>(i)].id = i;
  variants[3].pruned = true;
  auto snapshot = cli::MakeArchiveView(variants,
                                       {{EvalStatus::kEvaluated, 0.5},
                                        {EvalStatus::kBuildTimeout, {}},
                                        {EvalStatus::kEvaluated, 0.9},
                                        {},
                                        {EvalStatus::kBelowThreshold, 0.2},
                                        {EvalStatus::kDuplicate, {}}},
                                       "suite");
  nlohmann::json status = cli::StatusJson(snapshot, "/a.git", {"suite"}, nullptr);
  CHECK(status["variants"] == 6);
  CHECK(status["evaluated"] == 2);
  CHECK(status["below_threshold"] == 1);  // scored on part of the suite: neither of the others
  CHECK(status["duplicate"] == 1);        // not evaluated by design: not a failure
  CHECK(status["failed"] == 1);
  CHECK(status["not_evaluated"] == 1);
  CHECK(status["pruned"] == 1);
  CHECK(status["best"]["id"] == 2);
  CHECK(status["best"]["score"] == 0.9);
  std::string text = cli::RenderStatusText(status);
  CHECK(text.find("variants   6  (2 evaluated, 1 stopped early, 1 duplicates, 1 failed, 1 not "
                  "evaluated, 1 pruned)") != std::string::npos);
  CHECK(text.find("best       2  0.900") != std::string::npos);
}

TEST_CASE("With validation the best is confirmed and status shows its held-out score") {
  std::vector<cli::Variant> variants(3);
  for (int i = 0; i < 3; ++i) variants[static_cast<size_t>(i)].id = i;
  archive::RecordSummary seed{EvalStatus::kEvaluated, 0.5, true, 0.7, std::nullopt};
  archive::RecordSummary overfit{EvalStatus::kEvaluated, 0.9, false, 0.2, 0.004};
  archive::RecordSummary good{EvalStatus::kEvaluated, 0.6, true, 0.75, 0.9};
  auto snapshot = cli::MakeArchiveView(variants, {seed, overfit, good}, "suite");
  nlohmann::json status = cli::StatusJson(snapshot, "/a.git", {"suite"}, nullptr);
  CHECK(status["best"]["id"] == 2);  // 0.9 was worse on the held-out tasks
  CHECK(status["best"]["validation"]["score"] == 0.75);
  CHECK(status["best"]["validation"]["p_worse"] == 0.9);
  std::string text = cli::RenderStatusText(status);
  CHECK(text.find("best       2  0.600 (validation 0.750, p 0.9)") != std::string::npos);
  CHECK(cli::ValidationText(overfit) == " (validation 0.200, p 0.004: not confirmed)");
}

TEST_CASE("clade status --json summarises the archive") {
  Lineage w;
  nlohmann::json status = Json(w.On({"status", "--json"}));
  CHECK(status["archive"] == w.archive().string());
  CHECK(status["variants"] == 5);
  CHECK(status["evaluated"] == 3);
  CHECK(status["failed"] == 1);
  CHECK(status["not_evaluated"] == 1);
  CHECK(status["pruned"] == 0);
  CHECK(status["benchmark"] == "repair");
  CHECK(status["benchmarks"] == nlohmann::json::array({"repair"}));
  CHECK(status["best"]["id"] == 3);
  CHECK(status["best"]["score"] == 0.75);
  CHECK(status["run"].is_null());
}

TEST_CASE("clade status shows the run state and follows its benchmark") {
  Lineage w;
  w.Record(1, "hidden", {{"status", "evaluated"}, {"score", 0.9}});
  {
    archive::OpenOptions options;
    options.mode = archive::Mode::kWrite;
    auto archive = archive::Archive::Open(w.archive(), options);
    REQUIRE(archive);
    REQUIRE((*archive)->SetState({{"benchmark", "hidden"}, {"iterations_done", 3}}));
  }
  nlohmann::json status = Json(w.On({"status", "--json"}));
  CHECK(status["benchmark"] == "hidden");
  CHECK(status["best"]["id"] == 1);
  CHECK(status["run"]["iterations_done"] == 3);
  Run text = w.On({"status"});
  CHECK(text.out.find("iterations_done: 3") != std::string::npos);
  CHECK(Json(w.On({"status", "--json", "--benchmark", "repair"}))["best"]["id"] == 3);
}

TEST_CASE("clade status of an archive without records has no best") {
  Workspace w;
  w.Add(w.Agent("seed", "int main() {}\n"));
  nlohmann::json status = Json(w.On({"status", "--json"}));
  CHECK(status["variants"] == 1);
  CHECK(status["best"].is_null());
  CHECK(status["benchmark"].is_null());
  CHECK(w.On({"status"}).out.find("nothing evaluated") != std::string::npos);
}

}  // namespace
}  // namespace clade::cli_test
