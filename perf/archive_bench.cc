// Archive benchmark: builds an archive of N variants (each a small change to a random
// earlier one, with an evaluation record), then measures add latency, open (index load),
// score loading, `clade tree --json`, and rebuilding a deep variant from git against the
// DGM way (the seed plus one `patch -p1` per ancestor). Prints a Markdown report.
//
//   archive_bench [--variants N] [--depth D] [--clade PATH] [--keep DIR]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include "archive/archive.h"
#include "support/fs.h"

namespace clade {
namespace {

using archive::Archive;
using archive::FileContent;
using Clock = std::chrono::steady_clock;

double MillisSince(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

double Percentile(std::vector<double> values, double p) {
  std::sort(values.begin(), values.end());
  size_t index = static_cast<size_t>(p * static_cast<double>(values.size() - 1) + 0.5);
  return values[index];
}

// A seed agent of `files` C++ files of `lines` lines each.
std::map<std::string, std::string> SeedFiles(int files, int lines) {
  std::map<std::string, std::string> tree;
  tree["agent.yaml"] = "name: bench\nrun: \"{build}/agent\"\n";
  for (int f = 0; f < files; ++f) {
    std::string text;
    for (int l = 0; l < lines; ++l) text += fmt::format("int f{}_{}(int x) {{ return x + {}; }}\n", f, l, l);
    tree[fmt::format("src/file{:02}.cc", f)] = text;
  }
  return tree;
}

// Replaces one line of one file of `parent`'s source.
archive::TreeChanges SmallChange(Archive& a, archive::VariantId parent, std::mt19937& rng,
                                 int files) {
  std::string path = fmt::format("src/file{:02}.cc", rng() % files);
  std::string text = a.ReadSourceFile(parent, path).value().value();
  size_t line = rng() % 100;
  size_t begin = 0;
  for (size_t i = 0; i < line && begin != std::string::npos; ++i) begin = text.find('\n', begin) + 1;
  size_t end = text.find('\n', begin);
  text.replace(begin, end - begin, fmt::format("int changed_{}(int x) {{ return x * {}; }}", rng(), rng() % 97));
  return {{path, FileContent{text}}};
}

nlohmann::json MakeRecord(archive::VariantId id, std::mt19937& rng) {
  nlohmann::json tasks = nlohmann::json::array();
  double total = 0;
  for (int t = 0; t < 10; ++t) {
    double score = (rng() % 2) ? 1.0 : 0.0;
    total += score;
    tasks.push_back({{"id", fmt::format("task-{}", t)}, {"score", score}, {"status", "ok"}, {"seconds", 1.5}});
  }
  return {{"variant", id}, {"status", "evaluated"}, {"score", total / 10}, {"benchmark", "bench"},
          {"tasks", tasks}};
}

Result<void> WriteSeed(const fs::path& dir, const std::map<std::string, std::string>& files) {
  for (const auto& [path, text] : files) {
    fs::create_directories((dir / path).parent_path());
    CLADE_TRY(WriteFile(dir / path, text));
  }
  return {};
}

int Run(int variants, int depth, const std::string& clade_binary, const std::string& keep) {
  TempDir temp("archive-bench");
  fs::path root = keep.empty() ? temp.path() : fs::path(keep);
  fs::create_directories(root);
  fs::path path = root / "bench.git";
  constexpr int kFiles = 20;
  auto seed_files = SeedFiles(kFiles, 100);
  OrThrow(WriteSeed(root / "seed", seed_files));

  std::mt19937 rng(42);
  std::vector<double> add_ms, record_ms;
  {
    auto a = OrThrow(Archive::Create(path));
    std::string tree = OrThrow(a->WriteTreeFromDirectory(root / "seed"));
    OrThrow(a->AddVariant({.tree = tree, .summary = "seed"}));
    for (int i = 1; i < variants; ++i) {
      auto parent = static_cast<archive::VariantId>(rng() % a->size());
      auto changes = SmallChange(*a, parent, rng, kFiles);
      auto start = Clock::now();
      std::string child_tree = OrThrow(a->WriteTreeWithChanges(a->variant(parent).tree, changes));
      auto added = OrThrow(a->AddVariant({.tree = child_tree, .parents = {parent},
                                          .summary = "change one line",
                                          .trailers = {{"Clade-Mutator", "bench"}}}));
      add_ms.push_back(MillisSince(start));
      start = Clock::now();
      OrThrow(a->SetRecord(added.id, "bench", MakeRecord(added.id, rng)));
      record_ms.push_back(MillisSince(start));
      if (i % 1000 == 0) {
        OrThrow(a->CompactRefs());
        std::fprintf(stderr, "archive_bench: %d variants\n", i);
      }
    }
  }
  auto start = Clock::now();
  auto opened = OrThrow(Archive::Open(path));
  double open_ms = MillisSince(start);
  start = Clock::now();
  OrThrow(opened->Summaries("bench"));
  double scores_ms = MillisSince(start);
  start = Clock::now();
  OrThrow(OrThrow(Archive::Open(path))->Summaries("bench"));
  double warm_ms = MillisSince(start);
  double tree_ms = -1;
  if (!clade_binary.empty()) {
    std::string command = fmt::format("{} tree --json --archive {} > /dev/null", clade_binary, path.string());
    start = Clock::now();
    int status = std::system(command.c_str());
    tree_ms = MillisSince(start);
    if (status != 0) std::fprintf(stderr, "archive_bench: '%s' failed\n", command.c_str());
  }

  // Depth comparison: a chain seed -> 1 -> ... -> depth in a fresh archive.
  fs::path chain_path = root / "chain.git";
  auto chain = OrThrow(Archive::Create(chain_path));
  OrThrow(chain->AddVariant({.tree = OrThrow(chain->WriteTreeFromDirectory(root / "seed")), .summary = "seed"}));
  for (int d = 1; d <= depth; ++d) {
    auto changes = SmallChange(*chain, d - 1, rng, kFiles);
    std::string t = OrThrow(chain->WriteTreeWithChanges(chain->variant(d - 1).tree, changes));
    OrThrow(chain->AddVariant({.tree = t, .parents = {d - 1}, .summary = "step"}));
  }
  fs::path patches = root / "patches";
  fs::create_directories(patches);
  for (int d = 1; d <= depth; ++d) {
    OrThrow(WriteFile(patches / fmt::format("{:03}.diff", d), OrThrow(chain->Diff(d - 1, d))));
  }
  std::vector<double> git_ms, dgm_ms;
  for (int rep = 0; rep < 5; ++rep) {
    fs::path out = root / fmt::format("git-{}", rep);
    start = Clock::now();
    OrThrow(chain->Export(depth, out));
    git_ms.push_back(MillisSince(start));
    fs::path dgm = root / fmt::format("dgm-{}", rep);
    start = Clock::now();
    OrThrow(WriteSeed(dgm, seed_files));
    std::string command = fmt::format("cd {} && for p in {}/*.diff; do patch -s -p1 < \"$p\" || exit 1; done",
                                      dgm.string(), patches.string());
    if (std::system(command.c_str()) != 0) throw Fatal("patch failed in the DGM comparison");
    dgm_ms.push_back(MillisSince(start));
    if (std::system(fmt::format("diff -r {} {} > /dev/null", out.string(), dgm.string()).c_str()) != 0) {
      throw Fatal("the two rebuilds differ");
    }
  }
  double git_median = Percentile(git_ms, 0.5), dgm_median = Percentile(dgm_ms, 0.5);

  std::printf("| measure (%d variants, 20 files x 100 lines each) | value |\n|---|---|\n", variants);
  std::printf("| add variant (tree + commit + ref), p50 | %.2f ms |\n", Percentile(add_ms, 0.5));
  std::printf("| add variant, p99 | %.2f ms |\n", Percentile(add_ms, 0.99));
  std::printf("| store record (JSON note), p50 | %.2f ms |\n", Percentile(record_ms, 0.5));
  std::printf("| store record, p99 | %.2f ms |\n", Percentile(record_ms, 0.99));
  std::printf("| open with index load | %.0f ms |\n", open_ms);
  std::printf("| load all scores of one benchmark, no cache (full scan) | %.0f ms |\n", scores_ms);
  std::printf("| open + load all scores through the summary cache | %.0f ms |\n", warm_ms);
  if (tree_ms >= 0) std::printf("| `clade tree --json` (whole process) | %.0f ms |\n", tree_ms);
  std::printf("| rebuild depth-%d variant: export from git (median of 5) | %.1f ms |\n", depth, git_median);
  std::printf("| rebuild depth-%d variant: seed + %d x `patch -p1` (median of 5) | %.1f ms |\n", depth, depth, dgm_median);
  std::printf("| ratio patch-chain / git export | %.1fx |\n", dgm_median / git_median);
  return 0;
}

}  // namespace
}  // namespace clade

int main(int argc, char** argv) {
  int variants = 10000, depth = 50;
  std::string clade_binary, keep;
  for (int i = 1; i < argc; ++i) {
    std::string arg = argv[i];
    auto next = [&]() -> std::string {
      if (i + 1 >= argc) {
        std::fprintf(stderr, "archive_bench: %s needs a value\n", arg.c_str());
        std::exit(2);
      }
      return argv[++i];
    };
    if (arg == "--variants") variants = std::stoi(next());
    else if (arg == "--depth") depth = std::stoi(next());
    else if (arg == "--clade") clade_binary = next();
    else if (arg == "--keep") keep = next();
    else {
      std::fprintf(stderr, "usage: archive_bench [--variants N] [--depth D] [--clade PATH] [--keep DIR]\n");
      return 2;
    }
  }
  try {
    return clade::Run(variants, depth, clade_binary, keep);
  } catch (const std::exception& e) {
    std::fprintf(stderr, "archive_bench: %s\n", e.what());
    return 1;
  }
}
