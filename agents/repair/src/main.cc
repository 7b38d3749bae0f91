// repair-agent: automated program repair with no model.
//
//   1. read the task (CLADE_TASK) and run the visible tests;
//   2. localise the fault: per-test gcov line coverage, a suspiciousness formula;
//   3. generate candidate edits with repair operators at the most suspicious lines;
//   4. validate candidates (rebuild + visible tests) in scratch copies of the workspace,
//      in parallel, until one passes every visible test or the time budget is spent;
//
// Time is CPU time (cpu_seconds_used(): this process and the tests and compilers it ran),
// the clock the harness counts limits.agent_seconds in, so the agent tries the same
// candidates on an idle machine and on a busy one, only more slowly.
//   5. leave the best candidate in the workspace (most tests passed, then smallest edit),
//      or the original program if nothing improved.
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <unistd.h>
#include <vector>

#include "localize.h"
#include "mutate.h"
#include "strategy.h"
#include "task.h"
#include "tests.h"

namespace {

// Share of limits.agent_seconds (CPU seconds) the agent plans to use, and a fixed margin.
constexpr double kBudgetShare = 0.90;
constexpr double kMarginSeconds = 3.0;
// Share of the budget fault localisation may use before candidate validation starts.
constexpr double kLocalizeShare = 0.35;
// Candidates validated at the same time, each in its own copy of the workspace.
constexpr int kParallelJobs = 2;
// A test run is killed after this many times the first run's CPU seconds (plus a floor).
constexpr double kRunLimitFactor = 4.0;
constexpr double kRunLimitFloor = 3.0;
// Precompile the program's standard headers for candidate rebuilds (see make_pch).
constexpr bool kUsePrecompiledHeader = true;

void log(const char* fmt, const std::string& a = "", double x = 0) {
  std::fprintf(stderr, "[repair] ");
  std::fprintf(stderr, fmt, a.c_str(), x);
  std::fprintf(stderr, "\n");
}

struct Outcome {
  int passed = -1;
  int failed = 0;
  int cost = 0;
  int index = -1;  // candidate index, -1 = the original program
};

// Candidates differ from the original in one line, yet each rebuild re-parses the same
// standard headers, which is most of the compile time. When the test script appends
// EXTRA_CXXFLAGS to its compile command, precompile the program's system includes once
// (with the flags the script compiles with, read from its text) and pass `-include`.
// Returns the environment assignment to use, or "" when there is nothing to gain.
std::string make_pch(const std::string& scratch, const std::string& ws,
                     const std::string& test_cmd,
                     const std::map<std::string, std::string>& sources) {
  std::string script;
  for (const auto& word : {"run_tests.sh"})
    if (test_cmd.find(word) != std::string::npos) script = read_file(ws + "/" + word);
  if (script.find("EXTRA_CXXFLAGS") == std::string::npos) return "";
  // The -std=, -O, -D and -f flags named anywhere in the script: a precompiled header
  // is only used by a compile with the same language, optimisation and macros.
  std::string flags;
  size_t at = 0;
  while ((at = script.find_first_not_of(" \t\n\"'=", at)) != std::string::npos) {
    size_t end = script.find_first_of(" \t\n\"'", at);
    const std::string word = script.substr(at, end - at);
    at = end;
    bool wanted = word.rfind("-std=", 0) == 0 || word.rfind("-O", 0) == 0 ||
                  (word.size() > 2 && (word.rfind("-D", 0) == 0 || word.rfind("-f", 0) == 0));
    if (wanted && flags.find(" " + word) == std::string::npos) flags += " " + word;
  }
  std::string header;
  for (const auto& [name, text] : sources) {
    if (name.size() < 3 || name.compare(name.size() - 3, 3, ".cc") != 0) continue;
    for (const auto& line : split_lines(text))
      if (line.rfind("#include <", 0) == 0 && header.find(line) == std::string::npos)
        header += line + "\n";
  }
  if (header.empty()) return "";
  const std::string h = scratch + "/pch.h";
  write_file(h, header);
  std::string out;
  if (run_command(scratch, "g++" + flags + " -x c++-header pch.h -o pch.h.gch", 60, out) != 0)
    return "";
  return "EXTRA_CXXFLAGS=" + shell_quote("-include " + h);
}

// Most visible tests passed, then fewest failed, then the smallest edit, then the
// candidate tried first: a total order, so the pick does not depend on which worker
// thread finished first.
bool better(const Outcome& a, const Outcome& b) {
  if (a.passed != b.passed) return a.passed > b.passed;
  if (a.failed != b.failed) return a.failed < b.failed;
  if (a.cost != b.cost) return a.cost < b.cost;
  return a.index < b.index;
}

}  // namespace

int main() {
  const double start = cpu_seconds_used();
  Task task;
  const char* task_path = std::getenv("CLADE_TASK");
  if (!task_path || !load_task(task_path, task))
    log("could not read CLADE_TASK; using defaults");
  const double budget = task.agent_seconds * kBudgetShare - kMarginSeconds;
  const double deadline = start + budget;
  const std::string ws = current_dir();

  // 1. The visible tests as they are.
  double t0 = cpu_seconds_used();
  TestRun initial = run_tests(ws, task.visible_test, {}, "", budget);
  double run_time = cpu_seconds_used() - t0;
  const double run_limit = std::max(kRunLimitFloor, run_time * kRunLimitFactor);
  if (!initial.parsed) {
    log("no 'N passed, N failed' line from `%s`; nothing to measure", task.visible_test);
    return 0;
  }
  std::fprintf(stderr, "[repair] initial: %d passed, %d failed (%.1f CPU s)\n", initial.passed,
               initial.failed, run_time);
  if (initial.failed == 0) return 0;

  // 2. Fault localisation.
  std::vector<std::string> sources = find_sources(ws);
  std::map<std::string, std::string> originals;
  for (const auto& f : sources) originals[f] = read_file(ws + "/" + f);
  bool used_coverage = false;
  std::vector<RankedLine> ranked =
      localize(ws, task.visible_test, initial, sources, run_time * 1.2, run_limit,
               start + budget * kLocalizeShare, suspiciousness, used_coverage);
  std::fprintf(stderr, "[repair] %zu lines ranked (%s)\n", ranked.size(),
               used_coverage ? "gcov" : "uniform");
  for (size_t i = 0; i < ranked.size() && i < 8; ++i)
    std::fprintf(stderr, "[repair]   %s:%d  %.3f\n", ranked[i].file.c_str(), ranked[i].line,
                 ranked[i].susp);

  // 3. Candidates.
  std::vector<Candidate> cands = generate_candidates(originals, ranked, repair_strategy());
  std::fprintf(stderr, "[repair] %zu candidates\n", cands.size());

  // 4. Validation in scratch copies of the workspace.
  char tmpl[] = "/tmp/repair-agent-XXXXXX";
  std::string scratch = mkdtemp(tmpl) ? tmpl : ws + "/.repair-scratch";
  std::vector<std::string> copies;
  for (int j = 0; j < kParallelJobs; ++j) {
    std::string dir = scratch + "/w" + std::to_string(j);
    if (std::system(("cp -a " + shell_quote(ws) + " " + shell_quote(dir)).c_str()) == 0)
      copies.push_back(dir);
  }
  if (copies.empty()) copies.push_back(ws);  // validate in place as a last resort

  // Faster rebuilds with a precompiled header, if the original still gives the same
  // result with it and it is actually faster.
  std::string env = kUsePrecompiledHeader
                        ? make_pch(scratch, ws, task.visible_test, originals) : "";
  if (!env.empty()) {
    t0 = cpu_seconds_used();
    TestRun r = run_tests(copies[0], task.visible_test, {}, env, run_limit);
    double t = cpu_seconds_used() - t0;
    if (r.parsed && r.passed == initial.passed && r.failed == initial.failed &&
        t < run_time) {
      std::fprintf(stderr, "[repair] precompiled header: %.1f CPU s per run instead of %.1f\n",
                   t, run_time);
      run_time = t;
    } else {
      env.clear();
    }
  }

  // Candidates are taken in priority order. A candidate that passes every visible test
  // ends the search for the ones after it, but those before it are still finished, so the
  // result is the first plausible patch in priority order whatever the thread timing.
  const Outcome original{initial.passed, initial.failed, 0, -1};
  Outcome best = original;
  const int total = initial.passed + initial.failed;
  std::mutex mu;
  std::atomic<size_t> next{0};
  std::atomic<size_t> first_plausible{cands.size()};
  std::atomic<bool> out_of_time{false};
  std::atomic<int> tried{0};
  auto worker = [&](const std::string& dir) {
    while (!out_of_time) {
      size_t i = next++;
      if (i >= cands.size() || i > first_plausible) break;
      if (cpu_seconds_used() + run_time * 1.5 > deadline) { out_of_time = true; break; }
      const Candidate& c = cands[i];
      const std::string path = dir + "/" + c.file;
      write_file(path, apply_candidate(originals[c.file], c));
      TestRun r = run_tests(dir, task.visible_test, {}, env, run_limit);
      write_file(path, originals[c.file]);
      ++tried;
      if (!r.parsed) continue;
      // Only a candidate that passes more, or fails fewer, than the original counts.
      if (r.passed < initial.passed || (r.passed == initial.passed && r.failed >= initial.failed))
        continue;
      Outcome o{r.passed, r.failed, c.cost, int(i)};
      std::lock_guard<std::mutex> lock(mu);
      if (o.passed == total && o.failed == 0 && i < first_plausible) first_plausible = i;
      if (better(o, best)) {
        best = o;
        std::fprintf(stderr, "[repair] %s:%d %s -> %d passed, %d failed\n", c.file.c_str(),
                     c.line, c.op.c_str(), r.passed, r.failed);
      }
    }
  };
  std::vector<std::thread> threads;
  for (const auto& d : copies) threads.emplace_back(worker, d);
  for (auto& t : threads) t.join();
  std::fprintf(stderr, "[repair] tried %d of %zu candidates in %.1f CPU s\n", tried.load(),
               cands.size(), cpu_seconds_used() - start);
  if (copies[0] != ws) std::system(("rm -rf " + shell_quote(scratch)).c_str());

  // 5. Leave the best patch, confirmed in the workspace itself. Candidates after the first
  // plausible one may have finished too (they were in flight); they do not count.
  if (first_plausible < cands.size()) best.index = int(first_plausible.load());
  if (best.index < 0) {
    log("no candidate improved on the original");
    return 0;
  }
  const Candidate& c = cands[best.index];
  write_file(ws + "/" + c.file, apply_candidate(originals[c.file], c));
  std::fprintf(stderr, "[repair] applied %s at %s:%d:\n  %s\n", c.op.c_str(), c.file.c_str(),
               c.line, c.text.c_str());
  if (cpu_seconds_used() + run_time * 1.5 < start + task.agent_seconds - 1) {
    TestRun confirm = run_tests(ws, task.visible_test, {}, "", run_limit);
    if (!confirm.parsed || confirm.passed < initial.passed) {
      log("confirmation run did not hold up; restoring the original");
      write_file(ws + "/" + c.file, originals[c.file]);
    }
  }
  return 0;
}
