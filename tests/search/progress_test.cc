#include "engine/search/progress.h"

#include <cstdio>
#include <functional>
#include <string>

#include <catch2/catch.hpp>

namespace clade::search {
namespace {

// What `progress` wrote to a temporary file.
std::string Written(const std::function<void(Progress&)>& use) {
  std::FILE* file = std::tmpfile();
  REQUIRE(file != nullptr);
  auto progress = MakeProgress(file, /*terminal=*/false);
  use(*progress);
  progress->Done();
  std::string text(static_cast<size_t>(std::ftell(file)), '\0');
  std::rewind(file);
  text.resize(std::fread(text.data(), 1, text.size(), file));
  std::fclose(file);
  return text;
}

TEST_CASE("A plain progress line names the child, the best and the budget spent so far") {
  ChildEvent child{.id = 6, .parent = 0, .iteration = 3, .score = 0.602,
                   .summary = "replace 0.0 with 1.0 in src/strategy.cc:34", .seconds = 162.1};
  ProgressSnapshot snapshot{.best = 6, .best_score = 0.602,
                            .budget = "cpu 20m05s/55m00s", .eta_seconds = 1633};
  std::string line = Written([&](Progress& p) { p.Child(child, snapshot); });
  CHECK(line == "child    6 of    0  evaluated       0.602   162.1s  replace 0.0 with 1.0 in "
                "src/strategy.cc:34  | best 0.602 (#6)  cpu 20m05s/55m00s  about 27m13s left\n");
  // Plain lines only: the status line is for a terminal.
  CHECK(Written([&](Progress& p) { p.Status(snapshot); }).empty());
}

TEST_CASE("A plain progress line leaves out what the run does not have") {
  ChildEvent child{.id = 1, .parent = 0, .status = EvalStatus::kBuildFailed, .summary = "x"};
  std::string line = Written([&](Progress& p) { p.Child(child, ProgressSnapshot{}); });
  CHECK(line.find("| \n") != std::string::npos);  // no best, no budget, no estimate
  CHECK(line.find("about") == std::string::npos);
}

}  // namespace
}  // namespace clade::search
