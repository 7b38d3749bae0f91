// Evidence for the GI mutator (issue 4), recorded in docs/performance.md:
//
//  1. Over seeds S..S+N-1 of each source (agents/repair, examples/hello-agent, agents/coder,
//     and the project's own archive/*.cc treated as an agent), one GI draw per seed with a single
//     operator (operator = the seed's turn in the list of eight) and one attempt: does it
//     pass the syntax check (MutateGi succeeds), and does the child compile with the real
//     compiler (`c++ -fsyntax-only`, the source's own flags without -Werror, every
//     translation unit the child changes)? Per operator.
//  2. A generated 2,000-line agent: wall time of the index, one mutation, the syntax check
//     and the formatting.
//
//   mutation_bench [--repo DIR] [--seeds N] [--first S] [--jobs J] [--source NAME]...
//                  [--compile-commands FILE] [--skip-large] [--no-cache] [--no-preamble]
//
// --no-cache: no GiSiteCache (every draw parses every editable file); --no-preamble: no
// PreambleCache (every syntax check parses the headers again). For the before/after.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <time.h>

#include "engine/mutation/apply_edits.h"
#include "engine/mutation/edit.h"
#include "engine/mutation/gi_mutator.h"
#include "engine/mutation/gi_site_cache.h"
#include "engine/mutation/source_index.h"
#include "support/error.h"
#include "support/fs.h"
#include "support/strings.h"

namespace fs = std::filesystem;
using namespace clade;
using namespace clade::mutation;

namespace {

using Clock = std::chrono::steady_clock;

// CPU time of the calling thread, in milliseconds.
double ThreadCpuMs() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double Ms(Clock::time_point since) {
  return std::chrono::duration<double, std::milli>(Clock::now() - since).count();
}

// A source to mutate: the agent as mutation sees it, and how to compile a child.
struct Source {
  std::string name;
  fs::path root;                           // what AgentSource opens
  std::vector<std::string> editable;       // globs
  fs::path compile_commands;               // empty: mutation's fallback flags
  std::vector<std::string> compile_flags;  // for c++ -fsyntax-only; {child} = the child root
};

struct Tally {
  int draws = 0, no_site = 0, syntax_ok = 0, compiled = 0;
};

void CopyTree(const fs::path& from, const fs::path& to, const std::vector<std::string>& only_ext) {
  for (const auto& entry : fs::recursive_directory_iterator(from)) {
    if (!entry.is_regular_file()) continue;
    const std::string ext = entry.path().extension().string();
    if (!only_ext.empty() && std::find(only_ext.begin(), only_ext.end(), ext) == only_ext.end()) {
      continue;
    }
    const fs::path target = to / fs::relative(entry.path(), from);
    fs::create_directories(target.parent_path());
    fs::copy_file(entry.path(), target, fs::copy_options::overwrite_existing);
  }
}

// archive/*.cc of the repository as an agent: a copy of archive/ (so the repository's build
// trees are not listed), flags from the build's compile_commands.json.
Source ArchiveSource(const fs::path& repo, const fs::path& compile_commands, TempDir& dir) {
  CopyTree(repo / "archive", dir.path() / "archive", {".cc", ".h"});
  auto database = nlohmann::json::parse(OrThrow(ReadFile(compile_commands)));
  nlohmann::json entries = nlohmann::json::array();
  std::vector<std::string> flags;
  for (const auto& entry : database) {
    const std::string file = entry.value("file", "");
    const fs::path relative = fs::path(file).lexically_relative(repo);
    if (relative.parent_path() != "archive" || relative.extension() != ".cc") continue;
    std::string command = entry.value("command", "");
    // The copy's path in place of the repository's; the repository still gives the headers.
    const size_t at = command.find(file);
    if (at != std::string::npos) command.replace(at, file.size(), (dir.path() / relative).string());
    entries.push_back({{"directory", entry.value("directory", "")},
                       {"file", (dir.path() / relative).string()},
                       {"command", command}});
    if (flags.empty()) {
      std::string word;
      std::vector<std::string> words;
      for (char c : command + " ") {
        if (c == ' ') {
          if (!word.empty()) words.push_back(word);
          word.clear();
        } else {
          word += c;
        }
      }
      for (size_t i = 1; i < words.size(); ++i) {
        const std::string& w = words[i];
        if (w == "-o" || w == "-MF" || w == "-MT") {
          ++i;
          continue;
        }
        if (w == "-c" || w == "-Werror" || w == "-MD" || w.rfind("-O", 0) == 0 || w == "-g" ||
            w.find("/archive/") != std::string::npos) {
          continue;
        }
        flags.push_back(w);
      }
    }
  }
  OrThrow(WriteFile(dir.path() / "compile_commands.json", entries.dump(1)));
  flags.insert(flags.begin(), "-I{child}");
  return {
      "archive/*.cc", dir.path(), {"archive/*.cc"}, dir.path() / "compile_commands.json", flags};
}

// Compiles every translation unit the child changes (a changed header: every source of
// the agent), with the child's files in a fresh copy of the parent.
bool Compiles(const Source& source, const AgentSource& agent, const FileOverlay& files,
              const fs::path& scratch) {
  std::error_code ec;
  fs::remove_all(scratch, ec);
  for (const std::string& path : agent.files()) {
    if (!IsCxxFile(path)) continue;
    const fs::path target = scratch / path;
    fs::create_directories(target.parent_path());
    fs::copy_file(agent.Absolute(path), target, ec);
  }
  std::vector<std::string> units;
  bool header = false;
  for (const auto& [path, text] : files) {
    fs::create_directories((scratch / path).parent_path());
    OrThrow(WriteFile(scratch / path, text));
    if (IsCxxSource(path)) {
      units.push_back(path);
    } else {
      header = true;
    }
  }
  if (header) {
    units.clear();
    for (const std::string& path : agent.files()) {
      if (IsCxxSource(path) && agent.IsEditable(path)) units.push_back(path);
    }
  }
  for (const std::string& unit : units) {
    std::string command = "c++ -fsyntax-only -w";
    for (std::string flag : source.compile_flags) {
      const size_t at = flag.find("{child}");
      if (at != std::string::npos) flag.replace(at, 7, scratch.string());
      command += " " + ShellQuote(flag);
    }
    command += " " + ShellQuote((scratch / unit).string()) + " >/dev/null 2>&1";
    if (std::system(command.c_str()) != 0) return false;
  }
  return true;
}

// Why a draw failed the syntax check, without the file position and the child's summary:
// "the edited archive/git.cc does not compile: ...: error: use of undeclared identifier 'x'".
std::string RejectionReason(const std::string& message) {
  std::string reason = message;
  const size_t last = reason.find("; the last: ");
  if (last != std::string::npos) reason = reason.substr(last + 12);
  const size_t error = reason.find(": error: ");
  if (error != std::string::npos) reason = reason.substr(error + 9);
  const size_t summary = reason.rfind(" (");
  if (summary != std::string::npos) reason = reason.substr(0, summary);
  for (char& c : reason) {
    if (c == '\'') c = '"';
  }
  // Names differ per draw; keep the kind of error.
  std::string kind;
  bool quoted = false;
  for (char c : reason) {
    if (c == '"') {
      quoted = !quoted;
      kind += quoted ? "\"…" : "\"";
    } else if (!quoted) {
      kind += c;
    }
  }
  return kind.substr(0, 100);
}

void Measure(const Source& source, int first, int seeds, int jobs, bool use_cache,
             bool use_preambles) {
  const AgentSource agent = OrThrow(AgentSource::Open(
      source.root, {.editable = source.editable, .compile_commands = source.compile_commands}));
  GiSiteCache cache;
  PreambleCache preambles;
  std::map<GiOperator, Tally> tallies;
  std::map<GiOperator, std::map<std::string, int>> rejections;
  std::map<std::string, int> errors;
  double mutate_cpu_ms = 0;  // MutateGi alone: sites, draw, syntax check, format
  std::mutex mutex;
  std::atomic<int> next{first};
  TempDir scratch("clade-mutation-bench");
  const auto start = Clock::now();
  auto work = [&](int worker) {
    for (int seed = next++; seed < first + seeds; seed = next++) {
      const GiOperator op = kAllGiOperators[static_cast<size_t>(seed) % std::size(kAllGiOperators)];
      const double cpu_before = ThreadCpuMs();
      auto result = MutateGi(agent, {.seed = static_cast<uint64_t>(seed),
                                     .max_operators = 1,
                                     .operators = {op},
                                     .max_attempts = 1,
                                     .format = true,
                                     .cache = use_cache ? &cache : nullptr,
                                     .preambles = use_preambles ? &preambles : nullptr});
      const double cpu = ThreadCpuMs() - cpu_before;
      const bool compiled = result && Compiles(source, agent, result->files,
                                               scratch.path() / fmt::format("w{}", worker));
      std::lock_guard lock(mutex);
      mutate_cpu_ms += cpu;
      Tally& tally = tallies[op];
      ++tally.draws;
      if (!result) {
        const std::string& message = result.error().message;
        if (message.find("has a site") != std::string::npos) {
          ++tally.no_site;
        } else if (message.find("were all rejected") == std::string::npos) {
          ++errors[message.substr(0, 120)];
        } else {
          ++rejections[op][RejectionReason(message)];
        }
        continue;
      }
      ++tally.syntax_ok;
      if (compiled) ++tally.compiled;
    }
  };
  std::vector<std::thread> threads;
  for (int j = 0; j < jobs; ++j) threads.emplace_back(work, j);
  for (auto& thread : threads) thread.join();

  const GiSiteCache::Stats stats = cache.stats();
  const PreambleCache::Stats preamble = preambles.stats();
  fmt::print(
      "\n### {} (seeds {}..{}, {:.0f} s with {} jobs; site cache {}: {} hits, {} misses; "
      "preambles {}: {} reused, {} built, {} plain; MutateGi {:.0f} ms CPU per draw)\n\n",
      source.name, first, first + seeds - 1, Ms(start) / 1000, jobs, use_cache ? "on" : "off",
      stats.hits, stats.misses, use_preambles ? "on" : "off", preamble.reused, preamble.built,
      preamble.plain, mutate_cpu_ms / std::max(1, seeds));
  fmt::print("| operator | draws | no site | pass syntax check | of those, compile |\n");
  fmt::print("|---|---|---|---|---|\n");
  Tally total;
  for (GiOperator op : kAllGiOperators) {
    const Tally& t = tallies[op];
    const int with_site = t.draws - t.no_site;
    fmt::print("| {} | {} | {} | {} ({:.0f}%) | {} ({:.0f}%) |\n", GiOperatorName(op), t.draws,
               t.no_site, t.syntax_ok, with_site ? 100.0 * t.syntax_ok / with_site : 0.0,
               t.compiled, t.syntax_ok ? 100.0 * t.compiled / t.syntax_ok : 0.0);
    total.draws += t.draws, total.no_site += t.no_site, total.syntax_ok += t.syntax_ok;
    total.compiled += t.compiled;
  }
  const int with_site = total.draws - total.no_site;
  fmt::print("| **all** | {} | {} | {} ({:.0f}%) | {} ({:.0f}%) |\n", total.draws, total.no_site,
             total.syntax_ok, with_site ? 100.0 * total.syntax_ok / with_site : 0.0, total.compiled,
             total.syntax_ok ? 100.0 * total.compiled / total.syntax_ok : 0.0);
  for (const auto& [message, count] : errors)
    fmt::print("\nother error ({}x): {}\n", count, message);
  fmt::print(
      "\nWhy draws failed the syntax check (most frequent first, up to 4 per operator):\n\n");
  for (const auto& [op, reasons] : rejections) {
    std::vector<std::pair<int, std::string>> sorted;
    for (const auto& [reason, count] : reasons) sorted.emplace_back(-count, reason);
    std::sort(sorted.begin(), sorted.end());
    for (size_t i = 0; i < sorted.size() && i < 4; ++i) {
      fmt::print("- {}: {}x {}\n", GiOperatorName(op), -sorted[i].first, sorted[i].second);
    }
  }
  std::fflush(stdout);
}

// A 2,000-line agent of four files: classes with methods, free functions, loops.
std::map<std::string, std::string> LargeAgent() {
  std::map<std::string, std::string> files = {{"agent.yaml", "name: large\nrun: ./a\n"}};
  for (int f = 0; f < 4; ++f) {
    std::string text = fmt::format("namespace large{} {{\n", f);
    for (int c = 0; c < 14; ++c) {
      text += fmt::format(
          "class Worker{} {{\n public:\n  int Run(int n);\n  double Scale(double x) const;\n\n "
          "private:\n  int count_ = {};\n}};\n",
          c, c);
      text += fmt::format(R"(int Worker{0}::Run(int n) {{
  int total = 0;
  for (int i = 0; i < n; ++i) {{
    if (i % {1} == 0) {{
      total += i * 2;
    }} else {{
      total -= 1;
    }}
  }}
  while (total > 100) {{
    total /= 2;
  }}
  count_ += total;
  return total + count_;
}}
double Worker{0}::Scale(double x) const {{
  double y = x * 1.5;
  if (y > 10.0 && count_ > 0) {{
    y = y - 2.0;
  }}
  return y / (count_ + 1);
}}
int Helper{0}(int a, int b) {{
  int r = a;
  r += b * 3;
  if (!(r < 0)) r = -r;
  return r;
}}
)",
                          c, c + 2);
    }
    text += fmt::format("}}  // namespace large{}\n", f);
    files[fmt::format("src/part{}.cc", f)] = text;
  }
  return files;
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

void MeasureLarge() {
  TempDir dir("clade-mutation-large");
  int lines = 0;
  for (const auto& [path, text] : LargeAgent()) {
    fs::create_directories((dir.path() / path).parent_path());
    OrThrow(WriteFile(dir.path() / path, text));
    lines += static_cast<int>(std::count(text.begin(), text.end(), '\n'));
  }
  const AgentSource agent =
      OrThrow(AgentSource::Open(dir.path(), {.editable = std::vector<std::string>{"src/**"}}));
  std::vector<double> index_ms, mutate_ms, check_ms, format_ms;
  for (int round = 0; round < 5; ++round) {
    auto t = Clock::now();
    const SourceIndex index = OrThrow(BuildSourceIndex(agent));
    index_ms.push_back(Ms(t));
    t = Clock::now();
    const GiMutation m = OrThrow(MutateGi(agent, {.seed = static_cast<uint64_t>(round + 1)}));
    mutate_ms.push_back(Ms(t));
    std::vector<Edit> edits;
    for (const GiEdit& e : m.edits)
      edits.push_back(ReplaceRange{e.file, e.offset, e.old_text, e.new_text});
    t = Clock::now();
    OrThrow(ApplyEdits(agent, index, edits, {.check_syntax = true, .format = false})
                .map_error([](const EditRejection& r) {
                  return Error{ErrorKind::kFailure, r.message};
                }));
    check_ms.push_back(Ms(t));
    t = Clock::now();
    OrThrow(ApplyEdits(agent, index, edits, {.check_syntax = false, .format = true})
                .map_error([](const EditRejection& r) {
                  return Error{ErrorKind::kFailure, r.message};
                }));
    format_ms.push_back(Ms(t));
  }
  fmt::print(
      "\n### A generated {}-line agent (4 files, 56 classes, 168 functions), median of 5\n\n",
      lines);
  fmt::print("| step | wall time |\n|---|---|\n");
  fmt::print("| index (parse all files, outline) | {:.0f} ms |\n", Median(index_ms));
  fmt::print("| one mutation (sites, draw, syntax check, format) | {:.0f} ms |\n",
             Median(mutate_ms));
  fmt::print("| syntax check of the edited file | {:.0f} ms |\n", Median(check_ms));
  fmt::print("| formatting of the changed lines | {:.0f} ms |\n", Median(format_ms));
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  fs::path repo = CLADE_SOURCE_DIR;
  fs::path compile_commands = fs::path(CLADE_BINARY_DIR) / "compile_commands.json";
  int seeds = 1000, first = 1, jobs = 1;
  bool large = true, use_cache = true, use_preambles = true;
  std::vector<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    auto value = [&]() -> std::string {
      if (i + 1 >= argc) throw UsageError(arg + " needs a value");
      return argv[++i];
    };
    if (arg == "--repo")
      repo = value();
    else if (arg == "--seeds")
      seeds = std::stoi(value());
    else if (arg == "--first")
      first = std::stoi(value());
    else if (arg == "--jobs")
      jobs = std::max(1, std::stoi(value()));
    else if (arg == "--source")
      only.push_back(value());
    else if (arg == "--compile-commands")
      compile_commands = value();
    else if (arg == "--skip-large")
      large = false;
    else if (arg == "--no-cache")
      use_cache = false;
    else if (arg == "--no-preamble")
      use_preambles = false;
    else {
      std::fprintf(stderr, "mutation_bench: unknown argument %s\n", arg.c_str());
      return 2;
    }
  }
  auto wanted = [&](const std::string& name) {
    return only.empty() || std::find(only.begin(), only.end(), name) != only.end();
  };
  try {
    if (large && wanted("large")) MeasureLarge();
    if (wanted("hello")) {
      Measure({"examples/hello-agent",
               repo / "examples/hello-agent",
               {"src/**"},
               {},
               {"-std=c++17", "-I{child}/src"}},
              first, seeds, jobs, use_cache, use_preambles);
    }
    if (wanted("repair")) {
      Measure({"agents/repair",
               repo / "agents/repair",
               {"src/**"},
               {},
               {"-std=c++17", "-I{child}/src"}},
              first, seeds, jobs, use_cache, use_preambles);
    }
    if (wanted("coder")) {
      Measure(
          {"agents/coder", repo / "agents/coder", {"src/**"}, {}, {"-std=c++17", "-I{child}/src"}},
          first, seeds, jobs, use_cache, use_preambles);
    }
    if (wanted("archive")) {
      TempDir dir("clade-mutation-archive");
      Measure(ArchiveSource(repo, compile_commands, dir), first, seeds, jobs, use_cache,
              use_preambles);
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "mutation_bench: %s\n", e.what());
    return 1;
  }
  return 0;
}
