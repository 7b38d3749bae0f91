#include "tests/cli/cli_test_util.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::cli_test {
namespace {

// No #include, so each parse takes milliseconds.
const char kMain[] = R"(int Score(int n) {
  int total = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 3 == 0) total += i * 2;
  }
  return total;
}
int main() { return Score(7) > 10 ? 0 : 1; }
)";

// The same agent with Score written differently: a crossover donor.
const char kDonorMain[] = R"(int Score(int n) {
  return n * 4;
}
int main() { return Score(7) > 10 ? 0 : 1; }
)";

std::string GitIn(const fs::path& archive, const std::string& args) {
  auto run = testing::Shell("git --git-dir=" + testing::Quote(archive.string()) + " " + args);
  INFO(run.output);
  REQUIRE(run.exit_code == 0);
  return run.output;
}

TEST_CASE("clade mutate prints the edits and the diff and stores nothing") {
  Workspace w;
  w.Add(w.Agent("agent", kMain));
  const Run run = w.On({"mutate", "0", "--seed", "5", "--json"});
  REQUIRE(run.exit_code == 0);
  const nlohmann::json out = Json(run);
  CHECK(out["parent"] == 0);
  CHECK(out["seed"] == 5);
  CHECK(out["mutator"] == "gi");
  CHECK(out["child"].is_null());
  REQUIRE(out["edits"].is_array());
  REQUIRE(!out["edits"].empty());
  CHECK(out["edits"][0]["file"] == "src/main.cc");
  CHECK(out["diff"].get<std::string>().rfind("diff --git a/src/main.cc b/src/main.cc\n", 0) == 0);
  // Deterministic: the same variant and seed give the same output.
  CHECK(w.On({"mutate", "0", "--seed", "5", "--json"}).out == run.out);
  // Nothing stored.
  CHECK(Json(w.On({"log", "--json"})).size() == 1);

  const Run text = w.On({"mutate", "0", "--seed", "5"});
  REQUIRE(text.exit_code == 0);
  CHECK(text.out.find("variant 0, gi, seed 5: " + out["summary"].get<std::string>()) == 0);
  CHECK(text.out.find(out["diff"].get<std::string>()) != std::string::npos);
  CHECK(text.out.find("not stored") != std::string::npos);
}

TEST_CASE("clade mutate --apply adds the child with its edit list in the trailers") {
  Workspace w;
  w.Add(w.Agent("agent", kMain));
  const Run run = w.On({"mutate", "0", "--seed", "11", "--max-operators", "3", "--apply"});
  REQUIRE(run.exit_code == 0);
  CHECK(run.out.find("added variant 1") != std::string::npos);
  CHECK(run.out.find("not evaluated: clade eval 1 --benchmark") != std::string::npos);

  // The child's commit: parent 0, Clade-Mutator gi, one Clade-Edit per edit.
  const std::string trailers =
      GitIn(w.archive(), "log -1 '--format=%(trailers)' refs/clade/variants/1");
  CHECK(trailers.find("Clade-Mutator: gi\n") != std::string::npos);
  CHECK(trailers.find("Clade-Seed: 11\n") != std::string::npos);
  CHECK(trailers.find("Clade-Parent: 0 ") != std::string::npos);
  const std::string edits = GitIn(
      w.archive(), "log -1 '--format=%(trailers:key=Clade-Edit,valueonly)' refs/clade/variants/1");
  const nlohmann::json shown =
      Json(w.On({"mutate", "0", "--seed", "11", "--max-operators", "3", "--json"}));
  size_t count = 0;
  for (const std::string& line : Split(edits, '\n')) {
    if (line.empty()) continue;
    REQUIRE(count < shown["edits"].size());
    CHECK(nlohmann::json::parse(line) == shown["edits"][count++]);
  }
  CHECK(count == shown["edits"].size());

  // The stored child is the parent with the shown diff applied.
  const fs::path parent = w.root() / "parent", child = w.root() / "child";
  REQUIRE(w.On({"export", "0", parent.string()}).exit_code == 0);
  REQUIRE(w.On({"export", "1", child.string()}).exit_code == 0);
  REQUIRE(WriteFile(w.root() / "shown.patch", shown["diff"].get<std::string>()));
  const auto applied = testing::Shell("cd " + testing::Quote(parent.string()) + " && git apply " +
                                      testing::Quote((w.root() / "shown.patch").string()));
  INFO(applied.output);
  REQUIRE(applied.exit_code == 0);
  CHECK(ReadFile(parent / "src/main.cc").value() == ReadFile(child / "src/main.cc").value());
  CHECK(GitIn(w.archive(), "fsck --no-progress 2>&1; echo ok").find("error") == std::string::npos);
}

TEST_CASE("clade mutate --operators crossover takes a function from another variant") {
  Workspace w;
  w.Add(w.Agent("agent", kMain));
  const fs::path other = w.Agent("other", kDonorMain);
  REQUIRE(Clade({"add", other.string(), "--parent", "0", "--archive", w.archive().string()})
              .exit_code == 0);
  const nlohmann::json out =
      Json(w.On({"mutate", "0", "--operators", "crossover", "--seed", "2", "--apply", "--json"}));
  CHECK(out["donor"] == 1);
  REQUIRE(out["edits"].size() == 1);
  CHECK(out["edits"][0]["op"] == "crossover");
  CHECK(out["edits"][0]["donor"] == 1);
  CHECK(out["child"] == 2);
  // A crossover child has two parents: the parent, then the donor.
  const std::string parents = GitIn(w.archive(), "log -1 --format=%P refs/clade/variants/2");
  CHECK(Split(std::string(Trim(parents)), ' ').size() == 2);
  CHECK(GitIn(w.archive(), "show refs/clade/variants/2:src/main.cc").find("return n * 4;") !=
        std::string::npos);
}

TEST_CASE("clade mutate: clear errors, nothing stored") {
  Workspace w;
  w.Add(w.Agent("agent", kMain));
  SECTION("llm and self need a model") {
    const Run run = w.On({"mutate", "0", "--mutator", "llm"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("model") != std::string::npos);
  }
  SECTION("an unknown operator is named") {
    const Run run = w.On({"mutate", "0", "--operators", "constant,bogus"});
    CHECK(run.exit_code == 2);
    CHECK(run.err.find("'bogus'") != std::string::npos);
  }
  SECTION("an unknown variant is named") {
    const Run run = w.On({"mutate", "42", "--apply"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("42") != std::string::npos);
  }
  SECTION("a variant without a C++ file gives mutation_failed naming the variant") {
    const fs::path docs = w.root() / "docs-only";
    testing::WriteTree(docs, {{"agent.yaml", "name: d\nrun: ./a\n"}, {"README.md", "hi\n"}});
    REQUIRE(Clade({"add", docs.string(), "--parent", "0", "--archive", w.archive().string()})
                .exit_code == 0);
    const Run run = w.On({"mutate", "1", "--apply"});
    CHECK(run.exit_code == 1);
    CHECK(run.err.find("variant 1") != std::string::npos);
    CHECK(run.err.find("mutation_failed") != std::string::npos);
  }
  CHECK(Json(w.On({"log", "--json"})).size() <= 2);
}

}  // namespace
}  // namespace clade::cli_test
