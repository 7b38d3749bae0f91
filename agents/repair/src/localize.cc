#include "localize.h"

#include <algorithm>
#include <map>
#include <set>
#include <cstdio>
#include <cstdlib>
#include <sstream>

#include "task.h"

namespace {

bool ends_with(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_source(const std::string& p) {
  for (const char* e : {".cc", ".cpp", ".cxx", ".h", ".hpp"})
    if (ends_with(p, e)) return true;
  return false;
}

std::vector<std::string> files_with_ext(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  for (const auto& f : list_files(dir, false))
    if (ends_with(f, ext)) out.push_back(f);
  return out;
}

void remove_coverage_data(const std::string& dir) {
  for (const char* ext : {".gcda", ".gcov"})
    for (const auto& f : files_with_ext(dir, ext)) std::remove((dir + "/" + f).c_str());
}

// Lines executed at least once, per workspace source file, from `gcov -t` output.
using Coverage = std::set<std::pair<std::string, int>>;

Coverage read_gcov(const std::string& dir, double cpu_limit) {
  Coverage cov;
  std::vector<std::string> gcda = files_with_ext(dir, ".gcda");
  if (gcda.empty()) return cov;
  std::string cmd = "gcov -t";
  for (const auto& f : gcda) cmd += " " + shell_quote(f);
  std::string out;
  run_command(dir, cmd + " 2>/dev/null", cpu_limit, out);
  std::istringstream in(out);
  std::string line, source;
  while (std::getline(in, line)) {
    // "<count>:<line>:<text>", count is "-" (not executable), "#####" (not run) or a number.
    size_t c1 = line.find(':');
    if (c1 == std::string::npos) continue;
    size_t c2 = line.find(':', c1 + 1);
    if (c2 == std::string::npos) continue;
    std::string count = line.substr(0, c1);
    count.erase(0, count.find_first_not_of(' '));
    int lineno = std::atoi(line.substr(c1 + 1, c2 - c1 - 1).c_str());
    if (lineno == 0) {
      std::string text = line.substr(c2 + 1);
      if (text.rfind("Source:", 0) == 0) source = text.substr(7);
      continue;
    }
    if (source.empty() || source[0] == '/') continue;  // system headers
    if (!count.empty() && std::isdigit((unsigned char)count[0]))
      {
      if (source.rfind("./", 0) == 0) source.erase(0, 2);
      cov.insert({source, lineno});
    }
  }
  return cov;
}

// Fallback: every line that looks like a statement, equally suspicious.
std::vector<RankedLine> uniform(const std::string& dir,
                                const std::vector<std::string>& sources) {
  std::vector<RankedLine> out;
  for (const auto& f : sources) {
    std::istringstream in(read_file(dir + "/" + f));
    std::string line;
    int n = 0;
    while (std::getline(in, line)) {
      ++n;
      size_t b = line.find_first_not_of(" \t");
      if (b == std::string::npos || line[b] == '#' || line.compare(b, 2, "//") == 0 ||
          line[b] == '}')
        continue;
      out.push_back({f, n, 0.5});
    }
  }
  return out;
}

}  // namespace

std::vector<std::string> find_sources(const std::string& dir) {
  std::vector<std::string> out;
  for (const auto& f : list_files(dir, true))
    if (is_source(f)) out.push_back(f);
  return out;
}

std::vector<RankedLine> localize(const std::string& dir, const std::string& test_cmd,
                                 const TestRun& initial,
                                 const std::vector<std::string>& sources,
                                 double expected_run, double per_run_limit,
                                 double deadline, Suspiciousness formula,
                                 bool& used_coverage) {
  used_coverage = false;
  // Failing cases first: without the coverage of at least one of them nothing is ranked.
  std::vector<std::string> names;
  for (const auto& [name, ok] : initial.cases)
    if (!ok) names.push_back(name);
  size_t failing = names.size();
  for (const auto& [name, ok] : initial.cases)
    if (ok) names.push_back(name);
  if (failing == 0) return uniform(dir, sources);

  std::map<std::pair<std::string, int>, std::pair<int, int>> spectrum;  // (ef, ep)
  std::vector<std::pair<std::string, int>> uncovered_failures;
  int total_failed = 0;  // failing cases whose coverage was read
  int total_passed = 0;  // passing cases whose coverage was read
  for (const auto& name : names) {
    if (cpu_seconds_used() + expected_run > deadline) break;
    remove_coverage_data(dir);
    TestRun r = run_tests(dir, test_cmd, {name}, "EXTRA_CXXFLAGS=--coverage",
                          per_run_limit);
    auto it = r.cases.find(name);
    if (it == r.cases.end()) break;  // the command does not take case names
    Coverage cov = read_gcov(dir, per_run_limit);
    if (cov.empty()) continue;  // e.g. the program crashed before writing its .gcda
    ++(it->second ? total_passed : total_failed);
    for (const auto& key : cov) {
      auto& e = spectrum[key];
      (it->second ? e.second : e.first)++;
    }
  }
  remove_coverage_data(dir);
  for (const auto& f : files_with_ext(dir, ".gcno")) std::remove((dir + "/" + f).c_str());
  if (total_failed == 0) return uniform(dir, sources);

  used_coverage = true;
  std::set<std::string> wanted(sources.begin(), sources.end());
  std::vector<RankedLine> out;
  for (const auto& [key, e] : spectrum) {
    if (!wanted.count(key.first)) continue;
    out.push_back({key.first, key.second,
                   formula(e.first, e.second, total_failed, total_passed)});
  }
  std::stable_sort(out.begin(), out.end(), [](const RankedLine& a, const RankedLine& b) {
    return a.susp > b.susp;
  });
  return out;
}
