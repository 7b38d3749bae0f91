// A writer for archive_crash_test: adds variants (each a small change to a random earlier
// one) with records and logs to an archive forever, printing "added <id> <commit>" after
// each add has fully returned. The test kills it with SIGKILL at random moments.
#include <cstdio>
#include <random>
#include <string>

#include "archive/archive.h"

using clade::archive::Archive;

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: crash_writer ARCHIVE SEED\n");
    return 2;
  }
  auto opened = Archive::Open(argv[1], {.mode = clade::archive::Mode::kWrite, .holder = "crash"});
  if (!opened) {
    std::fprintf(stderr, "crash_writer: %s\n", opened.error().message.c_str());
    return 1;
  }
  Archive& archive = **opened;
  std::mt19937 rng(static_cast<unsigned>(std::stoul(argv[2])));
  for (;;) {
    auto parent = static_cast<int>(rng() % archive.size());
    std::string file = "src/f" + std::to_string(rng() % 5) + ".cc";
    std::string content = "int v = " + std::to_string(rng()) + ";\n";
    auto tree = archive.WriteTreeWithChanges(archive.variant(parent).tree,
                                             {{file, clade::archive::FileContent{content}}});
    if (!tree) return std::fprintf(stderr, "%s\n", tree.error().message.c_str()), 1;
    auto added =
        archive.AddVariant({.tree = *tree, .parents = {parent}, .summary = "edit " + file});
    if (!added) return std::fprintf(stderr, "%s\n", added.error().message.c_str()), 1;
    nlohmann::json record = {{"variant", added->id},
                             {"status", "evaluated"},
                             {"score", static_cast<double>(rng() % 100) / 100.0}};
    auto stored = archive.SetRecord(added->id, "bench", record);
    if (!stored) return std::fprintf(stderr, "%s\n", stored.error().message.c_str()), 1;
    auto logged = archive.AddLogs(added->id, {{"build.log", content}});
    if (!logged) return std::fprintf(stderr, "%s\n", logged.error().message.c_str()), 1;
    std::printf("added %d %s\n", added->id, added->commit.c_str());
    std::fflush(stdout);
  }
}
