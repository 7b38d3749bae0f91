#include "archive/archive.h"

#include <algorithm>

#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <sys/stat.h>

#include "support/fs.h"
#include "support/strings.h"

namespace clade::archive {
namespace {

using testing::Quote;
using testing::Shell;

std::string Git(const fs::path& archive, const std::string& args) {
  auto result = Shell("git --git-dir=" + Quote(archive.string()) + " " + args);
  INFO("git " << args << "\n" << result.output);
  REQUIRE(result.exit_code == 0);
  return result.output;
}

// A temporary directory holding an agent source tree and an archive seeded from it.
struct Fixture {
  TempDir dir{"archive-test"};
  fs::path source = dir.path() / "agent";
  fs::path path = dir.path() / "run.git";
  std::unique_ptr<Archive> archive;

  Fixture() {
    testing::WriteTree(source, {{"agent.yaml", "name: demo\nrun: ./run.sh\n"},
                                {"src/main.cc", "int main() { return 0; }\n"},
                                {"run.sh", "#!/bin/sh\necho hi\n"}});
    ::chmod((source / "run.sh").c_str(), 0755);
    archive = Archive::Create(path).value();
    std::string tree = archive->WriteTreeFromDirectory(source).value();
    archive
        ->AddVariant({.tree = tree, .summary = "seed", .trailers = {{"Clade-Mutator", "manual"}}})
        .value();
  }

  // Adds a child of `parent` whose src/main.cc returns `code`.
  Variant AddChild(VariantId parent, int code) {
    const Variant& base = archive->variant(parent);
    std::string source_text = fmt::format("int main() {{ return {}; }}\n", code);
    std::string tree =
        archive->WriteTreeWithChanges(base.tree, {{"src/main.cc", FileContent{source_text}}})
            .value();
    return archive
        ->AddVariant({.tree = tree,
                      .parents = {parent},
                      .summary = fmt::format("return {}", code),
                      .details = "changed the constant",
                      .trailers = {{"Clade-Mutator", "gi"}}})
        .value();
  }
};

}  // namespace

TEST_CASE("A new archive is a bare git repository that git reads and fsck accepts") {
  Fixture f;
  REQUIRE(f.archive->size() == 1);
  const Variant& seed = f.archive->variant(0);
  CHECK(seed.id == 0);
  CHECK(seed.parents.empty());
  CHECK(seed.summary == "seed");
  CHECK(seed.mutator == "manual");
  CHECK(Git(f.path, "rev-parse refs/clade/variants/0") == seed.commit + "\n");
  CHECK(Git(f.path, "rev-parse --is-bare-repository") == "true\n");
  Git(f.path, "fsck --strict --no-progress");
  std::string files = Git(f.path, "ls-tree -r --name-only refs/clade/variants/0");
  CHECK(files == "agent.yaml\nrun.sh\nsrc/main.cc\n");
  CHECK(Git(f.path, "ls-tree refs/clade/variants/0 run.sh").rfind("100755 blob", 0) == 0);
}

TEST_CASE("A child is a commit whose parent is its parent variant, with trailers") {
  Fixture f;
  Variant child = f.AddChild(0, 1);
  Variant grandchild = f.AddChild(child.id, 2);
  CHECK(grandchild.parents == std::vector<VariantId>{1});
  CHECK(Git(f.path, "rev-parse refs/clade/variants/2^") == child.commit + "\n");
  std::string message = Git(f.path, "log -1 --format=%B refs/clade/variants/2");
  CHECK(message.rfind("return 2\n\nchanged the constant\n\n", 0) == 0);
  CHECK(message.find("Clade-Variant: 2\n") != std::string::npos);
  CHECK(message.find("Clade-Parent: 1 " + child.commit) != std::string::npos);
  CHECK(message.find("Clade-Mutator: gi\n") != std::string::npos);
  std::string graph = Git(f.path, "log --graph --all --format=%s");
  CHECK(graph.find("return 2") < graph.find("return 1"));
  CHECK(graph.find("return 1") < graph.find("seed"));
  Git(f.path, "fsck --strict --no-progress");
}

TEST_CASE("MessageTrailers reads the last paragraph only when it is made of trailers") {
  auto trailers = MessageTrailers(
      "subject\n\ndetails: not a trailer\nmore\n\nClade-Variant: 3\nClade-Edit: {\"op\": \"x\"}\n");
  REQUIRE(trailers.size() == 2);
  CHECK(trailers[0] == std::pair<std::string, std::string>{"Clade-Variant", "3"});
  CHECK(trailers[1] == std::pair<std::string, std::string>{"Clade-Edit", "{\"op\": \"x\"}"});
  CHECK(MessageTrailers("subject only").empty());
  CHECK(MessageTrailers("Clade-Variant: 3").empty());  // a subject is never a trailer
  CHECK(MessageTrailers("subject\n\nplain text paragraph").empty());
  CHECK(MessageTrailers("subject\n\nnot: a trailer because\nthis line is prose").empty());
}

TEST_CASE("git log over the variant refs draws the lineage without bookkeeping commits") {
  Fixture f;
  Variant child = f.AddChild(0, 1);
  f.AddChild(0, 2);
  REQUIRE(f.archive->SetRecord(child.id, "suite", {{"status", "evaluated"}, {"score", 0.5}}));
  REQUIRE(f.archive->AddLogs(child.id, {{"build.log", "ok\n"}}));
  REQUIRE(f.archive->SetState({{"children", 2}}));
  std::string all = Git(f.path, "log --all --format=%s");
  CHECK(all.find("clade:") != std::string::npos);  // --all draws the bookkeeping too
  std::string lineage = Git(f.path, "log --format=%s --glob='refs/clade/variants/*'");
  std::vector<std::string> subjects = Split(std::string(Trim(lineage)), '\n');
  std::sort(subjects.begin(), subjects.end());
  CHECK(subjects == std::vector<std::string>{"return 1", "return 2", "seed"});
}

TEST_CASE("A crossover child has two parent commits") {
  Fixture f;
  f.AddChild(0, 1);
  f.AddChild(0, 2);
  std::string tree = f.archive->variant(1).tree;
  Variant cross =
      f.archive->AddVariant({.tree = tree, .parents = {1, 2}, .summary = "cross"}).value();
  CHECK(cross.parents == std::vector<VariantId>{1, 2});
  CHECK(Git(f.path, "rev-list --parents -1 refs/clade/variants/3") ==
        cross.commit + " " + f.archive->variant(1).commit + " " + f.archive->variant(2).commit +
            "\n");
  CHECK(f.archive->Ancestors(3) == std::vector<VariantId>{1, 2, 0});
  CHECK(f.archive->Lineage(3) == std::vector<VariantId>{0, 1, 3});
  CHECK(f.archive->Children(0) == std::vector<VariantId>{1, 2});
  CHECK(f.archive->Children(2) == std::vector<VariantId>{3});
  // Where two lines parted: the seed for the two siblings, the sibling itself for its
  // crossover child, none for an id that is not a variant.
  CHECK(f.archive->CommonAncestor(1, 2) == VariantId{0});
  CHECK(f.archive->CommonAncestor(3, 2) == VariantId{2});
  CHECK(f.archive->CommonAncestor(3, 3) == VariantId{3});
  CHECK(f.archive->CommonAncestor(1, 9) == std::nullopt);
}

TEST_CASE("Adding to a parent that does not exist fails and adds nothing") {
  Fixture f;
  auto result = f.archive->AddVariant({.tree = f.archive->variant(0).tree, .parents = {7}});
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("no variant 7") != std::string::npos);
  CHECK(f.archive->size() == 1);
  CHECK(Git(f.path, "for-each-ref '--format=%(refname)' refs/clade/variants") ==
        "refs/clade/variants/0\n");
}

TEST_CASE("Records are JSON notes that git notes shows, one notes ref per benchmark") {
  Fixture f;
  f.AddChild(0, 1);
  nlohmann::json record = {{"variant", 1}, {"status", "evaluated"}, {"score", 0.75}};
  REQUIRE(f.archive->SetRecord(1, "repair", record));
  REQUIRE(f.archive->SetRecord(0, "repair", {{"status", "evaluated"}, {"score", 0.5}}));
  REQUIRE(f.archive->SetRecord(1, "transfer", {{"status", "build_failed"}}));
  std::string shown = Git(f.path, "notes --ref=clade/repair show " + f.archive->variant(1).commit);
  CHECK(nlohmann::json::parse(shown) == record);
  CHECK(f.archive->Record(1, "repair").value().value() == record);
  CHECK_FALSE(f.archive->Record(0, "transfer").value().has_value());
  CHECK(f.archive->Benchmarks().value() == std::vector<std::string>{"repair", "transfer"});
  CHECK(f.archive->Best("repair").value() == 1);
  CHECK_FALSE(f.archive->Best("transfer").value().has_value());
  const auto* outcomes = f.archive->Summaries("transfer").value();
  CHECK((*outcomes)[1].status == EvalStatus::kBuildFailed);
  CHECK_FALSE((*outcomes)[0].status.has_value());
  CHECK_FALSE(f.archive->SetRecord(1, "bad name/x", record));
  Git(f.path, "fsck --strict --no-progress");
}

TEST_CASE("With validated records the best is the highest confirmed variant, also from the cache") {
  Fixture f;
  f.AddChild(0, 1);
  f.AddChild(0, 2);
  f.AddChild(0, 3);
  auto record = [](double score, std::optional<bool> confirmed) {
    nlohmann::json r = {{"status", "evaluated"}, {"score", score}};
    if (confirmed) r["validation"] = {{"confirmed", *confirmed}};
    return r;
  };
  REQUIRE(f.archive->SetRecord(0, "repair", record(0.5, true)));
  REQUIRE(f.archive->SetRecord(1, "repair", record(0.9, false)));  // worse on validation
  REQUIRE(f.archive->SetRecord(2, "repair", record(0.7, true)));
  REQUIRE(f.archive->SetRecord(3, "repair", record(0.8, std::nullopt)));  // never validated
  CHECK(f.archive->Best("repair").value() == 2);
  CHECK((*f.archive->Summaries("repair").value())[1].confirmed == false);
  CHECK_FALSE((*f.archive->Summaries("repair").value())[3].confirmed.has_value());
  f.archive.reset();
  auto reopened = Archive::Open(f.path).value();  // summaries now come from the cache file
  CHECK(reopened->Best("repair").value() == 2);
  CHECK((*reopened->Summaries("repair").value())[2].confirmed == true);
  // Without any validation the highest score wins, as before.
  std::vector<RecordSummary> plain = {{EvalStatus::kEvaluated, 0.5, std::nullopt},
                                      {EvalStatus::kEvaluated, 0.9, std::nullopt}};
  CHECK(BestOf(plain) == 1);
}

TEST_CASE("A record's score_stderr reaches the summary, also from the cache") {
  Fixture f;
  f.AddChild(0, 1);
  REQUIRE(f.archive->SetRecord(
      0, "repair", {{"status", "evaluated"}, {"score", 0.5}, {"score_stderr", 0.02}}));
  REQUIRE(f.archive->SetRecord(1, "repair", {{"status", "evaluated"}, {"score", 0.6}}));
  CHECK((*f.archive->Summaries("repair").value())[0].score_stderr == 0.02);
  f.archive.reset();
  auto reopened = Archive::Open(f.path).value();  // summaries now come from the cache file
  const auto& summaries = *reopened->Summaries("repair").value();
  CHECK(summaries[0].score_stderr == 0.02);
  CHECK_FALSE(summaries[0].confirmed.has_value());  // the third entry holds no validation
  CHECK_FALSE(summaries[1].score_stderr.has_value());
}

TEST_CASE("Replacing a record keeps one note and the notes history") {
  Fixture f;
  REQUIRE(f.archive->SetRecord(0, "repair", {{"status", "evaluated"}, {"score", 0.1}}));
  REQUIRE(f.archive->Summaries("repair"));  // load the cache before the update
  REQUIRE(f.archive->SetRecord(0, "repair", {{"status", "evaluated"}, {"score", 0.9}}));
  CHECK((*f.archive->Summaries("repair").value())[0].score == 0.9);
  CHECK(Git(f.path, "notes --ref=clade/repair list").size() == 82);  // one line: two ids
  CHECK(Git(f.path, "rev-list --count refs/notes/clade/repair") == "2\n");
}

TEST_CASE("The index built at open matches what was written") {
  Fixture f;
  f.AddChild(0, 1);
  f.AddChild(1, 2);
  REQUIRE(f.archive->SetRecord(2, "repair", {{"status", "evaluated"}, {"score", 1.0}}));
  REQUIRE(f.archive->Prune(1));
  std::vector<Variant> before = f.archive->variants();
  f.archive.reset();
  auto reopened = Archive::Open(f.path).value();
  REQUIRE(reopened->size() == 3);
  for (size_t i = 0; i < before.size(); ++i) {
    CHECK(reopened->variants()[i].commit == before[i].commit);
    CHECK(reopened->variants()[i].parents == before[i].parents);
    CHECK(reopened->variants()[i].summary == before[i].summary);
  }
  CHECK(reopened->variant(1).pruned);
  CHECK_FALSE(reopened->variant(2).pruned);
  CHECK(reopened->Best("repair").value() == 2);
  CHECK_FALSE(reopened->writable());
  CHECK_FALSE(reopened->AddVariant({.tree = before[0].tree, .parents = {0}}));
}

TEST_CASE("Pruning takes a variant out of the pool without rewriting history") {
  Fixture f;
  f.AddChild(0, 1);
  std::string commits_before = Git(f.path, "rev-list --all");
  REQUIRE(f.archive->Prune(1));
  CHECK(Git(f.path, "rev-parse refs/clade/pruned/1") == f.archive->variant(1).commit + "\n");
  REQUIRE(f.archive->Unprune(1));
  CHECK(Git(f.path, "for-each-ref refs/clade/pruned").empty());
  CHECK(Git(f.path, "rev-list --all") == commits_before);
  CHECK_FALSE(f.archive->variant(1).pruned);
}

TEST_CASE("Resolve takes ids, seed, best and commit prefixes") {
  Fixture f;
  f.AddChild(0, 1);
  f.AddChild(0, 2);
  REQUIRE(f.archive->SetRecord(2, "repair", {{"status", "evaluated"}, {"score", 0.8}}));
  CHECK(f.archive->Resolve("1").value() == 1);
  CHECK(f.archive->Resolve("seed").value() == 0);
  CHECK(f.archive->Resolve("best").value() == 2);
  CHECK(f.archive->Resolve(f.archive->variant(1).commit.substr(0, 10)).value() == 1);
  auto unknown = f.archive->Resolve("17");
  REQUIRE_FALSE(unknown);
  CHECK(unknown.error().kind == ErrorKind::kNotFound);
  CHECK(unknown.error().message.find("'17'") != std::string::npos);
  CHECK_FALSE(f.archive->Resolve("nonsense"));
}

TEST_CASE("Diff between two variants is a patch that git apply accepts") {
  Fixture f;
  f.AddChild(0, 7);
  std::string patch = f.archive->Diff(0, 1).value();
  CHECK(patch.find("--- a/src/main.cc") != std::string::npos);
  CHECK(patch.find("-int main() { return 0; }") != std::string::npos);
  CHECK(patch.find("+int main() { return 7; }") != std::string::npos);
  CHECK(f.archive->Diff(1, 1).value().empty());
  TempDir work("archive-diff");
  REQUIRE(f.archive->Export(0, work.path() / "tree"));
  REQUIRE(WriteFile(work.path() / "p.diff", patch));
  auto applied =
      Shell("cd " + Quote((work.path() / "tree").string()) + " && patch -p1 < ../p.diff");
  INFO(applied.output);
  REQUIRE(applied.exit_code == 0);
  CHECK(ReadFile(work.path() / "tree/src/main.cc").value() == "int main() { return 7; }\n");
}

TEST_CASE("Export writes the source tree with modes and symlinks") {
  Fixture f;
  ::symlink("src/main.cc", (f.source / "link.cc").c_str());
  std::string tree = f.archive->WriteTreeFromDirectory(f.source).value();
  f.archive->AddVariant({.tree = tree, .parents = {0}, .summary = "with link"}).value();
  TempDir out("archive-export");
  fs::path target = out.path() / "agent";
  REQUIRE(f.archive->Export(1, target));
  CHECK(ReadFile(target / "src/main.cc").value() == "int main() { return 0; }\n");
  struct stat info;
  REQUIRE(::stat((target / "run.sh").c_str(), &info) == 0);
  CHECK((info.st_mode & 0111) != 0);
  REQUIRE(::stat((target / "agent.yaml").c_str(), &info) == 0);
  CHECK((info.st_mode & 0111) == 0);
  CHECK(fs::is_symlink(target / "link.cc"));
  CHECK(fs::read_symlink(target / "link.cc") == "src/main.cc");
  auto again = f.archive->Export(1, target);
  REQUIRE_FALSE(again);
  CHECK(again.error().message.find("not empty") != std::string::npos);
}

TEST_CASE("Tree changes add, replace and delete files") {
  Fixture f;
  const std::string base = f.archive->variant(0).tree;
  std::string tree = f.archive
                         ->WriteTreeWithChanges(base, {{"src/new.cc", FileContent{"// new\n"}},
                                                       {"run.sh", std::nullopt}})
                         .value();
  Variant child = f.archive->AddVariant({.tree = tree, .parents = {0}}).value();
  CHECK(f.archive->ReadSourceFile(child.id, "src/new.cc").value() == "// new\n");
  CHECK_FALSE(f.archive->ReadSourceFile(child.id, "run.sh").value().has_value());
  auto missing = f.archive->WriteTreeWithChanges(base, {{"nope.cc", std::nullopt}});
  REQUIRE_FALSE(missing);
  CHECK(missing.error().message.find("nope.cc") != std::string::npos);
  CHECK_FALSE(f.archive->WriteTreeWithChanges(base, {{"../escape", FileContent{"x"}}}));
  CHECK_FALSE(f.archive->WriteTreeWithChanges(base, {{".git/config", FileContent{"x"}}}));
}

TEST_CASE("Logs live outside the variant's tree and are cut to the cap") {
  Fixture f;
  f.archive.reset();
  f.archive = Archive::Open(f.path, {.mode = Mode::kWrite, .log_cap_bytes = 1000}).value();
  std::string big(5000, 'x');
  REQUIRE(f.archive->AddLogs(0, {{"build.log", "ok\n"}, {"eval/repair/t1.log", big}}));
  REQUIRE(f.archive->AddLogs(0, {{"eval/repair/t2.log", "two\n"}}));
  CHECK(f.archive->LogPaths(0).value() ==
        std::vector<std::string>{"build.log", "eval/repair/t1.log", "eval/repair/t2.log"});
  CHECK(Git(f.path, "show refs/clade/logs/0:build.log") == "ok\n");
  std::string capped = f.archive->Log(0, "eval/repair/t1.log").value().value();
  CHECK(capped.size() < 1100);
  CHECK(capped.find("cut 4000 bytes") != std::string::npos);
  CHECK(Git(f.path, "ls-tree -r --name-only refs/clade/variants/0").find("log") ==
        std::string::npos);
}

TEST_CASE("Run state is replaced atomically and readable with git show") {
  Fixture f;
  REQUIRE(f.archive->SetState({{"iteration", 1}, {"benchmark", "repair"}},
                              {{"config.yaml", "run: {name: x}\n"}}));
  REQUIRE(f.archive->SetState({{"iteration", 2}, {"benchmark", "repair"}}));
  CHECK(f.archive->State().value().value()["iteration"] == 2);
  CHECK_FALSE(f.archive->StateFile("config.yaml").value().has_value());
  CHECK(nlohmann::json::parse(Git(f.path, "show refs/clade/state:state.json"))["iteration"] == 2);
  CHECK(Git(f.path, "rev-list --count refs/clade/state") == "2\n");
  CHECK(f.archive->DefaultBenchmark().value() == "repair");
}

TEST_CASE("A reader refreshed beside a writer sees new variants, records and prunes") {
  Fixture f;
  REQUIRE(f.archive->SetRecord(0, "suite", {{"status", "evaluated"}, {"score", 0.25}}));
  auto reader = Archive::Open(f.path).value();
  CHECK(reader->Refresh().value().empty());  // nothing changed since it opened
  f.AddChild(0, 1);
  f.AddChild(1, 2);
  REQUIRE(f.archive->SetRecord(2, "suite", {{"status", "evaluated"}, {"score", 0.75}}));
  REQUIRE(f.archive->SetRecord(1, "other", {{"status", "build_failed"}}));
  REQUIRE(f.archive->Prune(1));
  CHECK(reader->size() == 1);  // an open reader's index is what it read
  Archive::Refreshed refreshed = reader->Refresh().value();
  CHECK(refreshed.added == std::vector<VariantId>{1, 2});
  CHECK(refreshed.benchmarks == std::vector<std::string>{"other", "suite"});
  REQUIRE(reader->size() == 3);
  CHECK(reader->variant(2).parents == std::vector<VariantId>{1});
  CHECK(reader->variant(2).commit == f.archive->variant(2).commit);
  CHECK(reader->variant(1).pruned);
  const auto& summaries = *reader->Summaries("suite").value();
  REQUIRE(summaries.size() == 3);
  CHECK(summaries[2].score == 0.75);
  CHECK(reader->Best("suite").value() == 2);
  // Only a record: the benchmark's summaries are reloaded, nothing is added.
  REQUIRE(f.archive->SetRecord(1, "suite", {{"status", "evaluated"}, {"score", 0.9}}));
  REQUIRE(f.archive->Unprune(1));
  refreshed = reader->Refresh().value();
  CHECK(refreshed.added.empty());
  CHECK(refreshed.benchmarks == std::vector<std::string>{"suite"});
  CHECK((*reader->Summaries("suite").value())[1].score == 0.9);
  CHECK_FALSE(reader->variant(1).pruned);
  CHECK(reader->Refresh().value().empty());
}

TEST_CASE("Lessons are files of one commit chain that git log and git show read") {
  Fixture f;
  f.AddChild(0, 1);
  f.AddChild(0, 2);
  CHECK(f.archive->Lessons().value().empty());  // no memory yet
  REQUIRE(f.archive->SetLesson(1, "{\"variant\": 1}\n", "lesson #1: worse"));
  REQUIRE(f.archive->SetLesson(2, "{\"variant\": 2}\n", "lesson #2: improved"));
  REQUIRE(f.archive->SetLesson(1, "{\"variant\": 1, \"again\": true}\n", "lesson #1: again"));
  std::map<VariantId, std::string> lessons = f.archive->Lessons().value();
  REQUIRE(lessons.size() == 2);
  CHECK(lessons[1] == "{\"variant\": 1, \"again\": true}\n");
  CHECK(Git(f.path, "log --format=%s refs/clade/memory") ==
        "lesson #1: again\nlesson #2: improved\nlesson #1: worse\n");
  CHECK(Git(f.path, "show refs/clade/memory:lessons/2.json") == "{\"variant\": 2}\n");
  CHECK_FALSE(f.archive->SetLesson(7, "{}", "no such variant"));
  auto reader = Archive::Open(f.path);
  REQUIRE(reader);
  CHECK((*reader)->Lessons().value().size() == 2);
  CHECK_FALSE((*reader)->SetLesson(1, "{}", "a reader cannot write"));
}

TEST_CASE("A second writer is refused with the holder's name, readers keep working") {
  Fixture f;
  auto second = Archive::Open(f.path, {.mode = Mode::kWrite, .holder = "second"});
  REQUIRE_FALSE(second);
  CHECK(second.error().kind == ErrorKind::kBusy);
  CHECK(second.error().message.find("pid " + std::to_string(::getpid())) != std::string::npos);
  auto reader = Archive::Open(f.path);
  REQUIRE(reader);
  CHECK((*reader)->size() == 1);
  f.archive.reset();
  CHECK(Archive::Open(f.path, {.mode = Mode::kWrite}));
}

TEST_CASE("Opening what is not an archive names the path") {
  TempDir dir("archive-open");
  auto missing = Archive::Open(dir.path() / "nope");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::kNotFound);
  CHECK(missing.error().message.find("nope") != std::string::npos);
  auto plain = Archive::Open(dir.path());
  REQUIRE_FALSE(plain);
  CHECK(plain.error().message.find("not a clade archive") != std::string::npos);
  REQUIRE(Shell("git init -q --bare " + Quote((dir.path() / "g.git").string())).exit_code == 0);
  auto other = Archive::Open(dir.path() / "g.git");
  REQUIRE_FALSE(other);
  CHECK(other.error().message.find("not a clade archive") != std::string::npos);
  auto occupied = Archive::Create(dir.path() / "g.git");
  REQUIRE_FALSE(occupied);
  CHECK(occupied.error().message.find("not empty") != std::string::npos);
}

TEST_CASE("Adding from a directory that does not exist names it") {
  Fixture f;
  auto result = f.archive->WriteTreeFromDirectory(f.dir.path() / "missing-agent");
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("missing-agent") != std::string::npos);
}

}  // namespace clade::archive

namespace clade::archive {

TEST_CASE("Only an evaluated variant can be best, whatever a failed record's score says") {
  Fixture f;
  f.AddChild(0, 1);
  REQUIRE(f.archive->SetRecord(0, "repair", {{"status", "evaluated"}, {"score", 0.2}}));
  REQUIRE(f.archive->SetRecord(1, "repair", {{"status", "build_failed"}, {"score", 0.9}}));
  CHECK(f.archive->Best("repair").value() == 0);
}

}  // namespace clade::archive
