#include "engine/mutation/unified_diff.h"

#include <random>

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"

using namespace clade;
using namespace clade::mutation;

namespace {

// Applies `diff` with the real `git apply` in a directory holding `path` = `old_text` and
// returns what the file holds afterwards (nullopt when it is gone).
std::optional<std::string> GitApply(const std::string& path,
                                    const std::optional<std::string>& old_text,
                                    const std::string& diff) {
  TempDir dir;
  if (old_text) testing::WriteTree(dir.path(), {{path, *old_text}});
  testing::WriteTree(dir.path(), {{".patch", diff}});
  const auto applied = testing::Shell("cd " + testing::Quote(dir.path().string()) +
                                      " && git apply --unidiff-zero .patch 2>&1");
  INFO(applied.output);
  INFO(diff);
  REQUIRE(applied.exit_code == 0);
  auto text = ReadFile(dir.path() / path);
  if (!text) return std::nullopt;
  return *text;
}

}  // namespace

TEST_CASE("UnifiedDiff: git's format, accepted by git apply") {
  const std::string before = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n";
  const std::string after = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\nn\n";
  const std::string diff = UnifiedDiff("src/x.cc", before, after);
  CHECK(diff.rfind("diff --git a/src/x.cc b/src/x.cc\nindex ", 0) == 0);
  CHECK(diff.find(" 100644\n--- a/src/x.cc\n+++ b/src/x.cc\n@@ -1,5 +1,5 @@\n") !=
        std::string::npos);
  // As git prints it: the hunk header may carry the nearest line above as function context.
  CHECK(diff.find("@@ -11,3 +11,4 @@") != std::string::npos);
  CHECK(diff.find("\n k\n l\n m\n+n\n") != std::string::npos);
  CHECK(GitApply("src/x.cc", before, diff) == after);
  CHECK(UnifiedDiff("src/x.cc", before, before).empty());
}

TEST_CASE("UnifiedDiff: added and deleted files, and a missing final newline") {
  CHECK(GitApply("n.cc", std::nullopt, UnifiedDiff("n.cc", std::nullopt, std::string("x\ny"))) ==
        "x\ny");
  const std::string deleted = UnifiedDiff("d.cc", std::string("x\n"), std::nullopt);
  CHECK(deleted.find("deleted file mode 100644\n") != std::string::npos);
  CHECK(deleted.find("\n--- a/d.cc\n+++ /dev/null\n") != std::string::npos);
  CHECK(GitApply("d.cc", std::string("x\n"), deleted) == std::nullopt);
  const std::string diff = UnifiedDiff("e.cc", std::string("a\nb"), std::string("a\nc"));
  CHECK(diff.find("-b\n\\ No newline at end of file\n+c\n\\ No newline at end of file\n") !=
        std::string::npos);
  CHECK(GitApply("e.cc", std::string("a\nb"), diff) == "a\nc");
}

TEST_CASE("UnifiedDiff: random edits of a file round-trip through git apply") {
  std::mt19937_64 rng(42);
  for (int round = 0; round < 30; ++round) {
    std::vector<std::string> lines;
    for (int i = 0; i < 60; ++i) lines.push_back("line " + std::to_string(rng() % 8) + "\n");
    std::string before;
    for (const auto& line : lines) before += line;
    for (int edit = 0; edit < 1 + static_cast<int>(rng() % 6); ++edit) {
      const size_t at = rng() % (lines.size() + 1);
      switch (rng() % 3) {
        case 0:
          lines.insert(lines.begin() + static_cast<long>(at), "new " + std::to_string(edit) + "\n");
          break;
        case 1:
          if (at < lines.size()) lines.erase(lines.begin() + static_cast<long>(at));
          break;
        default:
          if (at < lines.size()) lines[at] = "changed\n";
      }
    }
    std::string after;
    for (const auto& line : lines) after += line;
    const std::string diff = UnifiedDiff("f.txt", before, after, static_cast<int>(round % 4));
    if (before == after) {
      CHECK(diff.empty());
      continue;
    }
    CHECK(GitApply("f.txt", before, diff) == after);
  }
}
