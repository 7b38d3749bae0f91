// Validates the suite benchmarks/exercises (implement-from-statement tasks, Catch2 tests).
//
// The suite loads with sandbox::LoadSuite. For every task: the folder layout (one header
// and a stub in workspace/, the visible and hidden test files, reference/ replacing
// workspace files); the hidden test cases are at least twice the visible ones and include
// every visible one; task.yaml's cases are the hidden TEST_CASEs; scored as clade scores
// them (sandbox/hidden_test.h), the stub fails at least one hidden test case, and with
// reference/ copied over it, the visible and the hidden tests pass completely, with as
// many test cases as their files declare. Tasks run in a small
// pool of threads (CLADE_BENCH_JOBS, default 2); CLADE_BENCH_ONLY=<id> checks one task.
// Each failure message names the task. Part of benchmarks_test, which the sanitizer run
// skips (it checks content, not clade's code).
#include <catch2/catch.hpp>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <mutex>
#include <regex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "sandbox/scoring.h"
#include "tests/benchmarks/hidden_run.h"
#include "sandbox/suite.h"
#include "support/fs.h"
#include "tests/test_util.h"

namespace {

namespace fs = std::filesystem;
using clade::sandbox::Task;
using clade::testing::Quote;
using clade::testing::Shell;

fs::path SuiteDir() { return clade::testing::SourceDir() / "benchmarks" / "exercises"; }

std::string Slurp(const fs::path& path) { return clade::ReadFile(path).value_or(""); }

// The names of the TEST_CASEs of a Catch2 file, in order.
std::vector<std::string> CaseNames(const std::string& source) {
  static const std::regex kCase(R"re(^TEST_CASE\("([^"]*)")re", std::regex::multiline);
  std::vector<std::string> names;
  for (std::sregex_iterator it(source.begin(), source.end(), kCase), end; it != end; ++it)
    names.push_back((*it)[1]);
  return names;
}

struct TestRun {
  bool has_summary = false;
  clade::sandbox::TestTally tally;
  std::string tail;  // the end of the output, for messages
};

// Runs a task's test command in `dir` and reads its summary line as the scorer does.
TestRun RunTest(const fs::path& dir, const std::string& command) {
  auto out = Shell("cd " + Quote(dir.string()) + " && " + command + " </dev/null");
  TestRun run;
  auto tally = clade::sandbox::ParseSummary(out.output);
  run.has_summary = tally.has_value();
  if (tally) run.tally = *tally;
  run.tail = out.output.size() > 1500 ? out.output.substr(out.output.size() - 1500) : out.output;
  return run;
}

std::string Tail(const std::string& log) {
  return log.size() > 1500 ? log.substr(log.size() - 1500) : log;
}

std::vector<std::string> CheckLayout(const Task& task) {
  std::vector<std::string> errors;
  auto fail = [&](const std::string& what) { errors.push_back(task.id + ": " + what); };
  const fs::path& dir = task.dir;
  for (const char* p : {"statement.md", "workspace/run_tests.sh", "workspace/tests_visible/tests.cc",
                        "tests/tests.cc", "reference"})
    if (!fs::exists(dir / p)) fail(std::string("missing ") + p);
  for (const char* p : {"workspace/build", "workspace/.clade-tests", "tests/build"})
    if (fs::exists(dir / p)) fail(std::string("stale ") + p + " in the task folder");
  if (!errors.empty()) return errors;
  int headers = 0, sources = 0;
  for (const auto& entry : fs::directory_iterator(dir / "workspace")) {
    headers += entry.path().extension() == ".h";
    sources += entry.path().extension() == ".cc";
  }
  if (headers != 1 || sources < 1) fail("workspace/ needs exactly one .h and a stub .cc");
  bool reference_source = false;
  for (const auto& entry : fs::directory_iterator(dir / "reference")) {
    reference_source |= entry.path().extension() == ".cc";
    if (!fs::exists(dir / "workspace" / entry.path().filename()))
      fail("reference/" + entry.path().filename().string() + " replaces no workspace file");
  }
  if (!reference_source) fail("reference/ has no .cc");
  if (task.visible_test != "sh run_tests.sh") fail("visible_test is not 'sh run_tests.sh'");
  if (!task.cases) fail("hidden_test is not in the cases form");
  else if (task.cases->names != CaseNames(Slurp(task.tests() / "tests.cc")))
    fail("hidden_test's cases are not the TEST_CASEs of tests/tests.cc, in order");
  if (task.protected_files.empty()) fail("the visible tests are not protected");
  if (task.statement.size() < 200) fail("the statement is too short");
  return errors;
}

std::vector<std::string> CheckTask(const Task& task) {
  std::vector<std::string> errors = CheckLayout(task);
  if (!errors.empty()) return errors;
  auto fail = [&](const std::string& what) { errors.push_back(task.id + ": " + what); };

  const auto visible = CaseNames(Slurp(task.workspace() / "tests_visible" / "tests.cc"));
  const auto hidden = CaseNames(Slurp(task.tests() / "tests.cc"));
  if (visible.empty()) fail("no visible TEST_CASE");
  if (hidden.size() < 2 * visible.size())
    fail("hidden test cases (" + std::to_string(hidden.size()) + ") fewer than twice the visible (" +
         std::to_string(visible.size()) + ")");
  const std::set<std::string> hidden_set(hidden.begin(), hidden.end());
  for (const auto& name : visible)
    if (!hidden_set.count(name)) fail("visible test case '" + name + "' is not among the hidden ones");

  clade::TempDir tmp("clade-exercise");
  const fs::path stub = tmp.path() / "stub";
  const fs::path solved = tmp.path() / "reference";
  for (const fs::path& copy : {stub, solved}) fs::copy(task.workspace(), copy, fs::copy_options::recursive);
  for (const auto& entry : fs::directory_iterator(task.dir / "reference"))
    fs::copy_file(entry.path(), solved / entry.path().filename(),
                  fs::copy_options::overwrite_existing);

  clade::sandbox::HiddenTestResult s = clade::benchmarks_test::RunHidden(task, stub);
  if (s.failed == 0) fail("the stub passes every hidden test:" + Tail(s.log));

  TestRun v = RunTest(solved, task.visible_test);
  if (!v.has_summary || v.tally.failed != 0 || v.tally.passed != static_cast<int>(visible.size()))
    fail("the reference does not pass all " + std::to_string(visible.size()) +
         " visible test cases:" + v.tail);
  clade::sandbox::HiddenTestResult h = clade::benchmarks_test::RunHidden(task, solved);
  if (h.failed != 0 || h.passed != static_cast<int>(hidden.size()))
    fail("the reference does not pass all " + std::to_string(hidden.size()) +
         " hidden test cases:" + Tail(h.log));
  return errors;
}

}  // namespace

TEST_CASE("exercises suite: loads, at least 20 tasks") {
  auto suite = clade::sandbox::LoadSuite(SuiteDir());
  REQUIRE(suite.has_value());
  CHECK(suite->name == "exercises");
  CHECK(suite->tasks.size() >= 20);
  for (const Task& task : suite->tasks) {
    INFO(task.id);
    CHECK(task.dir.filename() == task.id);
    CHECK(task.limits.agent_seconds >= 60);
  }
}

TEST_CASE("exercises suite: stubs fail the hidden tests, references pass all tests") {
  auto suite = clade::sandbox::LoadSuite(SuiteDir());
  REQUIRE(suite.has_value());
  std::vector<Task> tasks = suite->tasks;
  if (const char* only = std::getenv("CLADE_BENCH_ONLY"); only && *only) {
    tasks.erase(std::remove_if(tasks.begin(), tasks.end(),
                               [&](const Task& t) { return t.id != only; }),
                tasks.end());
    REQUIRE(tasks.size() == 1);
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
        std::vector<std::string> found;
        try {
          found = CheckTask(tasks[k]);
        } catch (const std::exception& e) {
          found.push_back(tasks[k].id + ": " + e.what());
        }
        std::lock_guard<std::mutex> lock(mu);
        errors.insert(errors.end(), found.begin(), found.end());
      }
    });
  }
  for (auto& t : pool) t.join();
  std::sort(errors.begin(), errors.end());
  for (const auto& e : errors) FAIL_CHECK("exercises/" << e);
  INFO(tasks.size() << " tasks checked");
  CHECK(errors.empty());
}
