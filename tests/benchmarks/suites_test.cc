// Validates the benchmark suites benchmarks/repair, benchmarks/repair-transfer and
// benchmarks/repair-kinds.
//
// For every task: the folder layout, the keys of suite.yaml, task.yaml as clade loads it
// (the hidden test in the cases form, the visible tests protected); on a copy of the
// workspace, the visible test fails at least once and the hidden test, scored as clade
// scores it (sandbox/hidden_test.h), fails at least once; on another copy with
// reference.patch applied, both pass completely; the hidden tests are at least twice as
// many as the visible ones.
// Tasks run in a small pool of threads (CLADE_BENCH_JOBS, default 2); CLADE_BENCH_ONLY
// restricts the run to one task id. Each failure message names the task.
#include <catch2/catch.hpp>

#include "tests/test_util.h"

#include <algorithm>
#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <mutex>
#include <regex>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "sandbox/suite.h"
#include "support/fs.h"
#include "tests/benchmarks/hidden_run.h"

namespace {

namespace fs = std::filesystem;

fs::path SourceDir() { return clade::testing::SourceDir(); }

std::string Quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

std::string Slurp(const fs::path& p) {
  auto r = clade::ReadFile(p);
  return r ? *r : std::string();
}

struct Run {
  int status = -1;
  std::string output;
  bool has_summary = false;
  int passed = 0;
  int failed = 0;
  std::string Tail() const {  // the last lines, for messages
    std::size_t pos = output.size();
    for (int i = 0; i < 6 && pos > 0; ++i) pos = output.rfind('\n', pos - 1);
    return pos == std::string::npos ? output : output.substr(pos);
  }
};

// Runs a shell command in dir and parses the last "N passed, N failed" line.
Run RunIn(const fs::path& dir, const std::string& command) {
  Run run;
  std::string full = "cd " + Quote(dir.string()) + " && { " + command + " ; } </dev/null 2>&1";
  FILE* pipe = ::popen(full.c_str(), "r");
  if (!pipe) return run;
  char buf[4096];
  std::size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, pipe)) > 0) run.output.append(buf, n);
  run.status = ::pclose(pipe);
  static const std::regex kSummary(R"((\d+) passed, (\d+) failed)");
  std::istringstream lines(run.output);
  std::string line;
  while (std::getline(lines, line)) {
    std::smatch m;
    if (std::regex_match(line, m, kSummary)) {
      run.has_summary = true;
      run.passed = std::stoi(m[1]);
      run.failed = std::stoi(m[2]);
    }
  }
  return run;
}

// Top-level "key: value" pairs of a small YAML file (flow maps kept as text).
// Records unknown structure (indented lines, duplicates) as errors.
std::map<std::string, std::string> TopKeys(const std::string& text, std::vector<std::string>& errors) {
  std::map<std::string, std::string> keys;
  static const std::regex kKey(R"(^([A-Za-z_][A-Za-z0-9_]*):\s*(.*?)\s*$)");
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::smatch m;
    if (!std::regex_match(line, m, kKey)) {
      errors.push_back("unexpected line: " + line);
      continue;
    }
    if (keys.count(m[1])) errors.push_back("duplicate key " + std::string(m[1]));
    keys[m[1]] = m[2];
  }
  return keys;
}

void CheckKeys(const std::map<std::string, std::string>& keys, const std::set<std::string>& allowed,
               const std::set<std::string>& required, const std::string& file,
               std::vector<std::string>& errors) {
  for (const auto& [k, v] : keys)
    if (!allowed.count(k)) errors.push_back(file + ": unknown key " + k);
  for (const auto& k : required)
    if (!keys.count(k)) errors.push_back(file + ": missing key " + k);
}

void CheckLimits(const std::string& value, const std::string& file, std::vector<std::string>& errors) {
  static const std::regex kLimits(R"(^\{\s*(\w+:\s*\d+\s*(,\s*\w+:\s*\d+\s*)*)?\}$)");
  if (!std::regex_match(value, kLimits)) {
    errors.push_back(file + ": limits is not a flow map of integers: " + value);
    return;
  }
  static const std::regex kItem(R"((\w+):\s*\d+)");
  static const std::set<std::string> kAllowed = {"agent_seconds", "test_seconds", "memory_mb"};
  for (std::sregex_iterator it(value.begin(), value.end(), kItem), end; it != end; ++it)
    if (!kAllowed.count((*it)[1])) errors.push_back(file + ": unknown limit " + std::string((*it)[1]));
}

// Checks one task; returns the problems found, each prefixed by the task id.
std::vector<std::string> CheckTask(const clade::sandbox::Task& task) {
  const fs::path& dir = task.dir;
  const std::string id = dir.filename().string();
  std::vector<std::string> errors;
  auto fail = [&](const std::string& what) { errors.push_back(id + ": " + what); };

  for (const char* p : {"task.yaml", "statement.md", "workspace", "tests/cases", "reference.patch",
                        "workspace/run_tests.sh"})
    if (!fs::exists(dir / p)) fail(std::string("missing ") + p);
  if (!errors.empty()) return errors;
  for (const char* p : {"workspace/build", "workspace/.clade-tests", "tests/run.sh"})
    if (fs::exists(dir / p)) fail(std::string("stale ") + p + " in the task folder");
  for (const auto& entry : fs::directory_iterator(dir)) {
    static const std::set<std::string> kKnown = {"task.yaml", "statement.md", "workspace", "tests",
                                                 "reference.patch"};
    if (!kKnown.count(entry.path().filename().string()))
      fail("unexpected file in task folder: " + entry.path().filename().string());
  }
  if (task.id != id) fail("task.yaml id '" + task.id + "' differs from the folder name");
  if (!task.cases || !task.cases->compare_output || task.cases->cases_dir != "cases")
    fail("hidden_test is not the cases form over tests/cases");
  if (task.protected_files.empty()) fail("the visible tests are not protected");
  if (task.statement.size() < 100) fail("statement.md is too short");
  if (Slurp(dir / "reference.patch").find("\n+++ ") == std::string::npos)
    fail("reference.patch is not a unified diff");
  if (!errors.empty()) return errors;

  // The buggy workspace: both tests report failures (the hidden one scored as clade does).
  clade::TempDir tmp("clade-bench");
  const fs::path buggy = tmp.path() / "buggy";
  const fs::path fixed = tmp.path() / "fixed";
  fs::copy(dir / "workspace", buggy, fs::copy_options::recursive);
  fs::copy(dir / "workspace", fixed, fs::copy_options::recursive);

  Run v = RunIn(buggy, task.visible_test);
  if (!v.has_summary) fail("visible test printed no summary line:" + v.Tail());
  else if (v.failed == 0) fail("visible test passes on the buggy program");
  clade::sandbox::HiddenTestResult h = clade::benchmarks_test::RunHidden(task, buggy);
  if (h.failed == 0) fail("hidden test passes on the buggy program");

  // The fixed workspace: reference.patch applies and everything passes.
  Run p = RunIn(fixed, "patch -p1 --batch --quiet < " + Quote((dir / "reference.patch").string()));
  if (p.status != 0) {
    fail("reference.patch does not apply:" + p.Tail());
    return errors;
  }
  Run fv = RunIn(fixed, task.visible_test);
  if (!fv.has_summary || fv.failed != 0 || fv.passed == 0 || fv.status != 0)
    fail("visible test does not pass after reference.patch:" + fv.Tail());
  clade::sandbox::HiddenTestResult fh = clade::benchmarks_test::RunHidden(task, fixed);
  if (fh.failed != 0 || fh.passed == 0)
    fail("hidden test does not pass after reference.patch:\n" + fh.log.substr(0, 1500));

  if (v.has_summary && fv.has_summary && v.passed + v.failed != fv.passed + fv.failed)
    fail("visible test count differs between buggy and fixed runs");
  const int nv = fv.passed + fv.failed;
  const int nh = fh.passed + fh.failed;
  if (fv.has_summary && nh < 2 * nv)
    fail("hidden tests (" + std::to_string(nh) + ") fewer than twice the visible (" +
         std::to_string(nv) + ")");
  return errors;
}

// Checks suite.yaml and every task of a suite, several tasks at a time.
// A suite may borrow another suite's tasks (`tasks: [tasks/*, ../repair/tasks/x]`): those
// are checked with their own suite; `min_tasks` counts the suite's own.
void CheckSuite(const std::string& suite, std::size_t min_tasks,
                const std::string& tasks_key = "tasks/*") {
  const fs::path root = SourceDir() / "benchmarks" / suite;
  REQUIRE(fs::is_directory(root));
  std::vector<std::string> yaml_errors;
  auto keys = TopKeys(Slurp(root / "suite.yaml"), yaml_errors);
  for (const auto& e : yaml_errors) FAIL_CHECK(suite << "/suite.yaml: " << e);
  std::vector<std::string> key_errors;
  CheckKeys(keys, {"name", "description", "tasks", "limits"}, {"name", "description", "tasks", "limits"},
            suite + "/suite.yaml", key_errors);
  CheckLimits(keys["limits"], suite + "/suite.yaml", key_errors);
  for (const auto& e : key_errors) FAIL_CHECK(e);
  CHECK(keys["name"] == suite);
  CHECK(keys["tasks"] == tasks_key);

  auto loaded = clade::sandbox::LoadSuite(root);
  INFO((loaded ? std::string() : loaded.error().message));
  REQUIRE(loaded);
  std::vector<clade::sandbox::Task> tasks;
  for (const clade::sandbox::Task& task : loaded->tasks) {
    if (task.dir.parent_path().parent_path().lexically_normal() == loaded->dir.lexically_normal())
      tasks.push_back(task);
  }
  const char* only = std::getenv("CLADE_BENCH_ONLY");
  if (only && *only) {
    tasks.erase(std::remove_if(tasks.begin(), tasks.end(),
                               [&](const clade::sandbox::Task& t) { return t.id != only; }),
                tasks.end());
  } else {
    CHECK(tasks.size() >= min_tasks);
  }

  int jobs = 2;
  if (const char* j = std::getenv("CLADE_BENCH_JOBS")) jobs = std::max(1, std::atoi(j));
  std::atomic<std::size_t> next{0};
  std::mutex mu;
  std::vector<std::string> errors;
  std::vector<std::thread> pool;
  for (int i = 0; i < jobs; ++i) {
    pool.emplace_back([&] {
      for (std::size_t k; (k = next++) < tasks.size();) {
        std::vector<std::string> e;
        try {
          e = CheckTask(tasks[k]);
        } catch (const std::exception& ex) {
          e.push_back(tasks[k].id + ": " + ex.what());
        }
        std::lock_guard<std::mutex> lock(mu);
        errors.insert(errors.end(), e.begin(), e.end());
      }
    });
  }
  for (auto& t : pool) t.join();
  std::sort(errors.begin(), errors.end());
  for (const auto& e : errors) FAIL_CHECK(suite << "/" << e);
  INFO(suite << ": " << tasks.size() << " tasks checked");
  CHECK(errors.empty());
}

}  // namespace

TEST_CASE("repair suite: layout, keys, bugs show, reference patches fix them") {
  CheckSuite("repair", 60);
}

TEST_CASE("repair-transfer suite: layout, keys, bugs show, reference patches fix them") {
  CheckSuite("repair-transfer", 30);
}

TEST_CASE("repair-kinds suite: layout, keys, bugs show, reference patches fix them") {
  CheckSuite("repair-kinds", 12,
             "[tasks/*, ../repair/tasks/bracket-balance, ../repair/tasks/calc-ops, "
             "../repair/tasks/bubble-sort, ../repair/tasks/csv-fields, "
             "../repair/tasks/digits-reverse, ../repair/tasks/first-at-least, "
             "../repair/tasks/anagram-check, ../repair/tasks/argmax-first, "
             "../repair/tasks/binary-parse, ../repair/tasks/bmi-class, "
             "../repair/tasks/bank-balance, ../repair/tasks/clock-add]");
  auto suite = clade::sandbox::LoadSuite(SourceDir() / "benchmarks" / "repair-kinds");
  REQUIRE(suite);
  CHECK(suite->tasks.size() == 24);
}
