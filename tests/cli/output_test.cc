#include "engine/cli/output.h"

#include <catch2/catch.hpp>

namespace clade::cli {
namespace {

TEST_CASE("score and status text") {
  CHECK(ScoreText({EvalStatus::kEvaluated, 0.5}) == "0.500");
  CHECK(ScoreText({}) == "-");
  CHECK(StatusText({}) == "not_evaluated");
  CHECK(StatusText({EvalStatus::kBuildTimeout, {}}) == "build_timeout");
  CHECK(IsFailed({EvalStatus::kBuildFailed, {}}));
  CHECK(!IsFailed({EvalStatus::kEvaluated, 1.0}));
  CHECK(!IsFailed({}));
}

TEST_CASE("MakeArchiveView finds children of every parent and the best, lowest id on a tie") {
  std::vector<Variant> variants(4);
  for (int i = 0; i < 4; ++i) variants[static_cast<size_t>(i)].id = i;
  variants[1].parents = {0};
  variants[2].parents = {0};
  variants[3].parents = {2, 1};
  ArchiveView view = MakeArchiveView(
      variants, {{}, {EvalStatus::kEvaluated, 0.7}, {}, {EvalStatus::kEvaluated, 0.7}}, "b");
  CHECK(view.children[0] == std::vector<VariantId>{1, 2});
  CHECK(view.children[1] == std::vector<VariantId>{3});
  CHECK(view.children[2] == std::vector<VariantId>{3});
  CHECK(view.best == 1);
  CHECK(view.summaries.size() == 4);
}

TEST_CASE("MakeArchiveView never makes a failed variant the best, whatever its score") {
  std::vector<Variant> variants(2);
  variants[1].id = 1;
  variants[1].parents = {0};
  CHECK(MakeArchiveView(variants, {{EvalStatus::kEvaluated, 0.1}, {EvalStatus::kBuildTimeout, 0.9}},
                        "b")
            .best == 0);
  CHECK(!MakeArchiveView(variants, {{EvalStatus::kBuildTimeout, 0.9}, {}}, "b").best);
}

TEST_CASE("VariantJson has the fields scripts rely on, score null when not evaluated") {
  Variant variant;
  variant.commit = "abc";
  variant.summary = "s";
  ArchiveView view = MakeArchiveView({variant}, {}, std::nullopt);
  nlohmann::json json = VariantJson(view, 0);
  CHECK(json["id"] == 0);
  CHECK(json["commit"] == "abc");
  CHECK(json["parents"] == nlohmann::json::array());
  CHECK(json["status"] == "not_evaluated");
  CHECK(json["score"].is_null());
  CHECK(json["pruned"] == false);
  CHECK(VariantListJson(view).size() == 1);
}

TEST_CASE("RenderTable pads by display width, not bytes") {
  CHECK(DisplayWidth("✗ x") == 3);
  CHECK(RenderTable({{"✗", "a"}, {"abc", "b"}}) == "✗    a\nabc  b\n");
}

TEST_CASE("FormatTime prints a date and a time") {
  std::string text = FormatTime(0);
  CHECK(text.size() == 19);
  CHECK(text[4] == '-');
  CHECK(text[13] == ':');
}

}  // namespace
}  // namespace clade::cli
