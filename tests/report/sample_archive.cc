#include "tests/report/sample_archive.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "archive/archive.h"
#include "support/fs.h"

namespace clade::report_test {

namespace {

using archive::Archive;

template <typename T>
T Must(Result<T> result, const std::string& what) {
  if (!result) throw std::runtime_error(what + ": " + result.error().message);
  if constexpr (!std::is_void_v<T>) return std::move(*result);
}

constexpr int kLines = 40;

// The agent's one source file as lines; a child changes one line of its parent's.
std::string Render(const std::vector<std::string>& lines) {
  std::string text;
  for (const std::string& line : lines) text += line + '\n';
  return text;
}

std::vector<std::string> SeedLines() {
  std::vector<std::string> lines;
  lines.push_back("#include <cstdio>");
  for (int i = 1; i < kLines - 1; ++i)
    lines.push_back(fmt::format("int f{}() {{ return {}; }}", i, i));
  lines.push_back("int main() { std::puts(\"ok\"); }");
  return lines;
}

// A small deterministic generator (the same archive on every machine).
struct Lcg {
  uint64_t state;
  uint32_t Next() {
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return static_cast<uint32_t>(state >> 33);
  }
};

nlohmann::json TaskList(double score, int index) {
  nlohmann::json tasks = nlohmann::json::array();
  for (int t = 0; t < 3; ++t) {
    double task_score = (t == index % 3) ? score : std::min(1.0, score + 0.1 * t);
    tasks.push_back({{"id", fmt::format("task-{}", t)},
                     {"score", task_score},
                     {"status", task_score >= 1.0 ? "solved"
                                : task_score > 0  ? "partial"
                                                  : "unsolved"},
                     {"seconds", 1.5 + t},
                     {"passed", static_cast<int>(task_score * 10)},
                     {"failed", 10 - static_cast<int>(task_score * 10)}});
  }
  return tasks;
}

nlohmann::json Evaluated(double score, int index) {
  return {{"status", "evaluated"},
          {"score", score},
          {"benchmark", "repair"},
          {"tasks", TaskList(score, index)},
          {"stage", {{"reached", 1}, {"of", 1}}},
          {"timings", {{"build_seconds", 2.0}, {"eval_seconds", 4.5}}}};
}

nlohmann::json Failed(const std::string& status) {
  return {{"status", status},
          {"score", 0.0},
          {"benchmark", "repair"},
          {"tasks", nlohmann::json::array()},
          {"stage", {{"reached", 0}, {"of", 1}}}};
}

}  // namespace

SampleArchive BuildSampleArchive(const std::filesystem::path& path, int children) {
  if (children < 20) throw std::runtime_error("BuildSampleArchive needs at least 20 children");
  auto archive = Must(Archive::Create(path), "create " + path.string());
  SampleArchive sample;
  sample.path = path;
  Lcg rng{static_cast<uint64_t>(children)};

  std::vector<std::vector<std::string>> sources = {SeedLines()};
  std::string agent_yaml = "name: sample\nrun: \"{build}/agent\"\n";
  std::string seed_tree;
  {
    TempDir seed_dir("clade-report-seed");
    Must(WriteFile(seed_dir.path() / "agent.yaml", agent_yaml), "write agent.yaml");
    std::filesystem::create_directories(seed_dir.path() / "src");
    Must(WriteFile(seed_dir.path() / "src" / "main.cc", Render(sources[0])), "write main.cc");
    seed_tree = Must(archive->WriteTreeFromDirectory(seed_dir.path()), "seed tree");
  }
  Must(archive->AddVariant({.tree = seed_tree,
                            .parents = {},
                            .summary = "seed agent",
                            .trailers = {{"Clade-Mutator", "manual"}}}),
       "add seed");
  Must(archive->SetRecord(0, "repair", Evaluated(0.2, 0)), "seed record");

  // Special children at fixed places, the rest ordinary gi children.
  sample.build_failed = 7;
  sample.llm = 9;
  sample.untagged = 12;
  sample.crossover = 15;
  sample.big_diff = 18;
  sample.pruned = 5;
  std::vector<double> scores = {0.2};
  std::vector<bool> usable = {true};  // may be a parent
  double best_score = 0.2;
  for (int id = 1; id <= children; ++id) {
    int parent = static_cast<int>(rng.Next() % static_cast<uint32_t>(id));
    while (!usable[static_cast<size_t>(parent)])
      parent = static_cast<int>(rng.Next() % static_cast<uint32_t>(id));
    std::vector<std::string> lines = sources[static_cast<size_t>(parent)];
    int line = 1 + static_cast<int>(rng.Next() % (kLines - 2));
    std::string old_text = lines[static_cast<size_t>(line)];
    std::string new_text = fmt::format("int f{}() {{ return {}; }}  // v{}", line, id % 97, id);
    lines[static_cast<size_t>(line)] = new_text;
    if (id == sample.big_diff) {
      for (int k = 0; k < 400; ++k)
        lines.push_back(
            fmt::format("int big{}() {{ return {}; /* padding to make a big diff */ }}", k, k));
    }
    nlohmann::json edit = {{"op", "constant"}, {"file", "src/main.cc"}, {"offset", line * 20},
                           {"line", line + 1}, {"old", old_text},       {"new", new_text}};
    archive::NewVariant spec{
        .tree = Must(archive->WriteTreeWithChanges(
                         seed_tree, {{"src/main.cc", archive::FileContent{Render(lines), false}}}),
                     "tree"),
        .parents = {parent},
        .summary = fmt::format("change line {} of src/main.cc", line + 1)};
    nlohmann::json mutation = {{"mutator", "gi"}, {"edits", nlohmann::json::array({edit})}};
    if (id == sample.crossover) {
      spec.parents = {parent, parent == 1 ? 2 : 1};
      spec.summary = fmt::format("crossover of {} and {}", spec.parents[0], spec.parents[1]);
      spec.trailers = {{"Clade-Mutator", "gi"}, {"Clade-Seed", std::to_string(id)}};
      mutation = {{"mutator", "gi"}, {"crossover", spec.parents}};
    } else if (id == sample.llm) {
      spec.summary = "llm: return early when the input is empty";
      spec.trailers = {{"Clade-Mutator", "llm"}};
      mutation = {
          {"mutator", "llm"}, {"model", "qwen2.5-coder-7b"}, {"tokens", 1834}, {"cost", 0.0}};
    } else if (id != sample.untagged) {
      spec.trailers = {
          {"Clade-Mutator", "gi"}, {"Clade-Seed", std::to_string(id)}, {"Clade-Edit", edit.dump()}};
    }
    if (id == sample.untagged) spec.summary = "hand-written change";
    auto variant = Must(archive->AddVariant(spec), fmt::format("add variant {}", id));
    sources.push_back(lines);

    nlohmann::json record;
    bool can_parent = true;
    if (id == sample.build_failed || (id > 20 && id % 7 == 0)) {
      record = Failed("build_failed");
      Must(archive->AddLogs(
               id,
               {{"build.log", fmt::format("src/main.cc:{}:5: error: expected ';'\n", line + 1)}}),
           "logs");
      can_parent = false;
    } else if (id % 11 == 0) {
      record = Failed("build_timeout");
    } else if (id % 13 == 0) {
      record = Failed("mutation_failed");
      can_parent = false;
    } else if (id % 17 == 0) {
      record = nullptr;  // not evaluated yet
    } else {
      double trend = 0.2 + 0.6 * id / children;
      double noise = static_cast<double>(rng.Next() % 1000) / 1000.0 * 0.3 - 0.15;
      double score = std::clamp(trend + noise, 0.0, 0.95);
      score = std::round(score * 1000) / 1000;
      record = Evaluated(score, id);
      if (score > best_score) {
        best_score = score;
        sample.best = id;
      }
    }
    if (!record.is_null()) {
      record["variant"] = id;
      record["parents"] = spec.parents;
      if (id != sample.untagged) record["mutation"] = mutation;
      Must(archive->SetRecord(id, "repair", record), "record");
    }
    if (id == sample.llm) {
      Must(
          archive->AddLogs(
              id, {{"mutation/prompt.md", "Diagnose the failing task sum-off-by-one and fix it.\n"},
                   {"mutation/response.md",
                    "<<<<<<< SEARCH\nreturn a;\n=======\nreturn b;\n>>>>>>> REPLACE\n"}}),
          "llm logs");
    }
    usable.push_back(can_parent);
    (void)variant;
  }
  Must(archive->Prune(sample.pruned), "prune");
  sample.variants = children + 1;
  const auto& best_lines = sources[static_cast<size_t>(sample.best)];
  const auto& parent_lines =
      sources[static_cast<size_t>(archive->variant(sample.best).parents.front())];
  for (size_t i = 0; i < best_lines.size(); ++i) {
    if (i >= parent_lines.size() || best_lines[i] != parent_lines[i]) {
      sample.best_line = "+" + best_lines[i];
      break;
    }
  }
  Must(archive->CompactRefs(), "compact refs");
  return sample;
}

}  // namespace clade::report_test
