// clade run and clade replay, end to end: the real binary, a real C++ agent built and run
// in the sandbox, the gi mutator, a real archive checked with git. The agent answers
// three questions about a number with two planted mistakes, so gi children can fix them;
// it has no loops, so every child runs in milliseconds and scores deterministically.
#include <csignal>
#include <random>
#include <regex>
#include <thread>

#include "tests/cli/cli_test_util.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/strings.h"

namespace clade::cli_test {
namespace {

constexpr const char* kAgent = R"(#include <fstream>
#include <string>

// Answers three questions about n (from n.txt) in out.txt: its square, its successor and
// n modulo 3.
static long square(long x) {
  return x * x + 1;
}

static long successor(long x) {
  return x + 2;
}

static long mod3(long x) {
  if (x < 0) return -x % 3;
  return x % 3;
}

int main() {
  std::ifstream in("n.txt");
  long n = 0;
  if (!(in >> n)) return 1;
  std::string out = std::to_string(square(n)) + "\n" + std::to_string(successor(n)) + "\n" +
                    std::to_string(mod3(n)) + "\n";
  std::ofstream("out.txt") << out;
  return 0;
}
)";

std::string CheckScript(long n) {
  return fmt::format(
      "p=0; f=0\n"
      "check() {{ if [ \"$(sed -n \"$1p\" out.txt 2>/dev/null)\" = \"$2\" ]; then p=$((p+1)); "
      "else f=$((f+1)); fi; }}\n"
      "check 1 {}\ncheck 2 {}\ncheck 3 {}\necho \"$p passed, $f failed\"\n",
      n * n, n + 1, n % 3);
}

struct RunWorkspace : Workspace {
  fs::path work = root() / "work";

  RunWorkspace() {
    testing::WriteTree(root() / "agent",
                       {{"agent.yaml",
                         "name: numbers\nbuild: [\"c++ -O0 -o {build}/agent {src}/src/agent.cc\"]\n"
                         "run: \"{build}/agent\"\neditable: [\"src/**\"]\n"},
                        {"src/agent.cc", kAgent}});
    WriteSuite("numbers", {3, 5, 8});
    WriteSuite("numbers-transfer", {11, 20});
  }

  void WriteSuite(const std::string& name, const std::vector<long>& values) {
    std::map<std::string, std::string> files = {
        {"suite.yaml",
         "name: " + name + "\ntasks: tasks/*\nlimits: {agent_seconds: 5, test_seconds: 5}\n"}};
    for (long n : values) {
      std::string id = fmt::format("n{:02}", n);
      files["tasks/" + id + "/task.yaml"] =
          "id: " + id + "\nstatement: answer\nhidden_test: sh .clade-tests/check.sh\n";
      files["tasks/" + id + "/workspace/n.txt"] = std::to_string(n) + "\n";
      files["tasks/" + id + "/tests/check.sh"] = CheckScript(n);
    }
    testing::WriteTree(root() / name, files);
  }

  fs::path Config(const std::string& archive, const std::string& extra = "") {
    fs::path file = root() / (archive + ".yaml");
    REQUIRE(WriteFile(file, fmt::format("run:\n  name: {0}\n  archive: runs/{0}.git\n  seed: 11\n"
                                        "agent: agent\nbenchmark: numbers\nmutator: gi\n"
                                        "gi: {{max_operators: 2}}\nworkers: 2\n{1}",
                                        archive,
                                        extra.find("budget:") == std::string::npos
                                            ? "budget: {iterations: 3}\n" + extra
                                            : extra)));
    return file;
  }

  Run RunConfig(const fs::path& config, std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"run", config.string(), "--work", work.string()};
    args.insert(args.end(), extra.begin(), extra.end());
    return Clade(args);
  }

  fs::path ArchivePath(const std::string& name) const { return root() / "runs" / (name + ".git"); }
};

// Per variant: tree, parents, trailers and (status, score) of its record, from git and
// clade. Commit times differ between runs; nothing else may.
std::vector<std::string> Describe(const fs::path& archive) {
  Run log = Clade({"log", "--archive", archive.string(), "--json"});
  nlohmann::json variants = Json(log);
  std::vector<std::string> lines;
  for (const auto& v : variants) {
    Run commit = Git({"--git-dir", archive.string(), "show", "-s",
                      "--format=%T %(trailers:only,unfold)", v["commit"].get<std::string>()});
    // Clade-Parent names the parent's commit too, whose id depends on its commit time.
    std::string trailers =
        std::regex_replace(commit.out, std::regex("(Clade-Parent: \\d+) [0-9a-f]+"), "$1");
    lines.push_back(fmt::format("{} {} {} {} | {}", v["id"].dump(), v["parents"].dump(),
                                v["status"].dump(), v["score"].dump(), trailers));
  }
  return lines;
}

// Starts clade with `args`; kills it with SIGKILL after `delay`. True if it had already
// exited with 0 (the run finished).
bool RunAndKill(const std::vector<std::string>& args, std::chrono::milliseconds delay) {
  pid_t pid = StartClade(args);
  REQUIRE(pid >= 0);
  auto deadline = std::chrono::steady_clock::now() + delay;
  int status = 0;
  while (std::chrono::steady_clock::now() < deadline) {
    if (::waitpid(pid, &status, WNOHANG) == pid)
      return WIFEXITED(status) && WEXITSTATUS(status) == 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  return false;
}

}  // namespace

TEST_CASE("clade run improves the agent and leaves a lineage git can read") {
  RunWorkspace w;
  Run run = w.RunConfig(w.Config("first"), {"--json"});
  INFO("why: " << Why(run));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json summary = nlohmann::json::parse(run.out);
  CHECK(summary["outcome"] == "finished");
  CHECK(summary["reason"] == "iterations (3 of 3)");
  CHECK(summary["children"] == 6);
  CHECK(summary["seed_score"].get<double>() == Approx(1.0 / 3));
  CHECK(summary["best_score"].get<double>() >= summary["seed_score"].get<double>());
  // The task runs' CPU seconds, what budget.cpu_time counts: the seed's and six children's.
  CHECK(summary["cpu_seconds"].get<double>() > 0);
  CHECK(summary["cpu_seconds"].get<double>() < 7 * 2 * 3 * 5.0);  // 7 variants, 3 tasks, 5 s limits
  // Plain lines per child on a pipe, not a status line.
  CHECK(run.err.find("child    1 of    0") != std::string::npos);
  CHECK(run.err.find("\r") == std::string::npos);

  fs::path archive = w.ArchivePath("first");
  CHECK(Git({"--git-dir", archive.string(), "fsck", "--strict"}).exit_code == 0);
  Run graph = Git({"--git-dir", archive.string(), "log", "--all", "--format=%s"});
  CHECK(graph.out.find("seed: agent") != std::string::npos);
  Run trailers = Git({"--git-dir", archive.string(), "log", "--all",
                      "--format=%(trailers:key=Clade-Edit,valueonly)"});
  CHECK(trailers.out.find("\"op\"") != std::string::npos);
  Run note = Git({"--git-dir", archive.string(), "notes", "--ref=clade/numbers", "show",
                  "refs/clade/variants/1"});
  CHECK(nlohmann::json::parse(note.out)["mutation"]["mutator"] == "gi");
  Run state = Git({"--git-dir", archive.string(), "show", "refs/clade/state:state.json"});
  CHECK(nlohmann::json::parse(state.out)["status"] == "finished");

  // Running it again with the budget spent does nothing and says so.
  Run again = w.RunConfig(w.Config("first"));
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("finished: iterations (3 of 3)") != std::string::npos);
}

namespace {

// Whether `older` is an ancestor of `id` in `variants` (clade log --json, indexed by id).
bool IsAncestor(const nlohmann::json& variants, int older, int id) {
  for (const auto& parent : variants[id]["parents"]) {
    if (parent.get<int>() == older || IsAncestor(variants, older, parent.get<int>())) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("A crossover child made by clade run has both parents, in git and in clade") {
  RunWorkspace w;
  fs::path config = w.Config("cross", "budget: {iterations: 4}\n");
  std::string text = *ReadFile(config);
  text.replace(text.find("gi: {max_operators: 2}"), 22,
               "gi: {max_operators: 2, crossover_rate: 0.6}");
  REQUIRE(WriteFile(config, text));
  Run run = w.RunConfig(config);
  INFO("why: " << Why(run));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  fs::path archive = w.ArchivePath("cross");
  nlohmann::json variants = Json(Clade({"log", "--archive", archive.string(), "--json"}));
  int crossed = 0;
  for (const auto& v : variants) {
    Run donors =
        Git({"--git-dir", archive.string(), "show", "-s",
             "--format=%(trailers:key=Clade-Donor,valueonly)", v["commit"].get<std::string>()});
    std::string donor(Trim(donors.out));
    if (donor.empty()) continue;
    ++crossed;
    INFO("variant " << v["id"] << " took code from " << donor);
    REQUIRE(v["parents"].size() == 2);
    CHECK(v["parents"][1] == std::stoi(donor));
    // The donor is of another line of descent: neither an ancestor nor a descendant of
    // the parent.
    const int parent = v["parents"][0].get<int>();
    CHECK(!IsAncestor(variants, std::stoi(donor), parent));
    CHECK(!IsAncestor(variants, parent, std::stoi(donor)));
    // git sees a merge: the commit's second parent is the donor's commit.
    Run parents = Git({"--git-dir", archive.string(), "rev-list", "--parents", "-n", "1",
                       v["commit"].get<std::string>()});
    std::string donor_commit = variants[std::stoi(donor)]["commit"].get<std::string>();
    CHECK(parents.out.find(" " + donor_commit) != std::string::npos);
    Run merges = Git({"--git-dir", archive.string(), "rev-list", "--min-parents=2",
                      "--glob=refs/clade/variants/*"});
    CHECK(merges.out.find(v["commit"].get<std::string>()) != std::string::npos);
  }
  CHECK(crossed > 0);
}

TEST_CASE("Validation holds tasks out of selection, and their records are kept apart") {
  RunWorkspace w;
  fs::path config = w.Config("held", "evaluation: {validation: 0.34}\n");
  Run run = w.RunConfig(config, {"--json"});
  INFO("why: " << Why(run));
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json summary = nlohmann::json::parse(run.out);
  REQUIRE(summary["validation"].is_object());
  CHECK(summary["validation"]["seed_score"].is_number());
  fs::path archive = w.ArchivePath("held");
  // One of the three tasks is held out: the run's records cover the other two, the seed's
  // validation record the third, on its own notes ref.
  Run seed_commit = Git({"--git-dir", archive.string(), "rev-parse", "refs/clade/variants/0"});
  std::string seed = std::string(Trim(seed_commit.out));
  nlohmann::json record = nlohmann::json::parse(
      Git({"--git-dir", archive.string(), "notes", "--ref=clade/numbers", "show", seed}).out);
  nlohmann::json held = nlohmann::json::parse(
      Git({"--git-dir", archive.string(), "notes", "--ref=clade/numbers-validation", "show", seed})
          .out);
  REQUIRE(record["tasks"].size() == 2);
  REQUIRE(held["tasks"].size() == 1);
  for (const auto& task : record["tasks"]) CHECK(task["id"] != held["tasks"][0]["id"]);
  CHECK(record["validation"]["confirmed"] == true);
  CHECK(record["validation"]["benchmark"] == "numbers-validation");
  // The same split for the same RNG seed: a second run holds out the same task.
  Run again = w.RunConfig(w.Config("held2", "evaluation: {validation: 0.34}\n"));
  REQUIRE(again.exit_code == 0);
  fs::path archive2 = w.ArchivePath("held2");
  nlohmann::json held2 = nlohmann::json::parse(
      Git({"--git-dir", archive2.string(), "notes", "--ref=clade/numbers-validation", "show",
           std::string(Trim(Git({"--git-dir", archive2.string(), "rev-parse",
                                 "refs/clade/variants/0"}).out))})
          .out);
  CHECK(held2["tasks"][0]["id"] == held["tasks"][0]["id"]);
  // Every child that beat its parent carries a verdict; clade tree and show print it.
  nlohmann::json variants = Json(Clade({"log", "--archive", archive.string(), "--json"}));
  for (const auto& v : variants) {
    if (v.contains("validation")) CHECK(v["validation"]["confirmed"].is_boolean());
  }
  Run tree = Clade({"tree", "--archive", archive.string()});
  CHECK_THAT(tree.out, Catch::Contains("(validation "));
  Run show = Clade({"show", "seed", "--archive", archive.string()});
  CHECK_THAT(show.out, Catch::Contains("validation"));
  // Adding validation to a run that had none is refused on resume, naming the key.
  fs::path plain = w.Config("plain");
  REQUIRE(w.RunConfig(plain).exit_code == 0);
  REQUIRE(WriteFile(plain, *ReadFile(plain) + "evaluation: {validation: 0.34}\n"));
  Run refused = w.RunConfig(plain);
  CHECK(refused.exit_code == 2);
  CHECK_THAT(refused.err, Catch::Contains("'validation' changed"));
}

TEST_CASE(
    "A run killed with SIGKILL again and again, resumed each time, ends as one that was not") {
  RunWorkspace w;
  Run whole = w.RunConfig(w.Config("whole", ""));
  INFO(whole.err);
  REQUIRE(whole.exit_code == 0);

  fs::path config = w.Config("killed");
  std::vector<std::string> args = {"run", config.string(), "--work", w.work.string()};
  std::mt19937 rng(42);
  int kills = 0;
  bool finished = false;
  while (!finished && kills < 8) {
    auto delay = std::chrono::milliseconds(std::uniform_int_distribution<int>(300, 2500)(rng));
    finished = RunAndKill(args, delay);
    if (!finished) ++kills;
  }
  if (!finished) {
    Run rest = w.RunConfig(config);
    INFO(rest.err);
    REQUIRE(rest.exit_code == 0);
  }
  INFO("killed " << kills << " times");
  CHECK(kills > 0);
  fs::path archive = w.ArchivePath("killed");
  CHECK(Git({"--git-dir", archive.string(), "fsck", "--strict"}).exit_code == 0);
  CHECK(Describe(archive) == Describe(w.ArchivePath("whole")));
}

TEST_CASE("SIGINT stops a run cleanly and the same command resumes it") {
  RunWorkspace w;
  fs::path config = w.Config("stopped", "budget: {iterations: 6}\n");
  pid_t pid = ::fork();
  REQUIRE(pid >= 0);
  fs::path err = w.root() / "stopped.err";
  if (pid == 0) {
    int fd = ::open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(fd, 1);
    ::dup2(fd, 2);
    ::execl(CladeBinary().c_str(), "clade", "run", config.c_str(), "--work", w.work.c_str(),
            static_cast<char*>(nullptr));
    ::_exit(127);
  }
  // Wait for the first child to be recorded, then interrupt.
  for (int i = 0; i < 300 && ReadFile(err).value_or("").find("child    1") == std::string::npos;
       ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ::kill(pid, SIGINT);
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::string output = ReadFile(err).value_or("");
  INFO(output);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(output.find("stopping: finishing the children in flight") != std::string::npos);
  CHECK(output.find("run 'stopped' stopped: stopped by a signal") != std::string::npos);
  CHECK(output.find("resume with: clade run") != std::string::npos);

  Run resumed = w.RunConfig(config, {"--json"});
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK(resumed.err.find("resuming run 'stopped'") != std::string::npos);
  nlohmann::json summary = nlohmann::json::parse(resumed.out);
  CHECK(summary["outcome"] == "finished");
  CHECK(summary["iterations"] == 6);
  CHECK(summary["children"] == 12);
}

TEST_CASE("A resume with a config changed in a way that matters is refused") {
  RunWorkspace w;
  REQUIRE(w.RunConfig(w.Config("changed", "budget: {iterations: 1}\n")).exit_code == 0);
  Run refused = w.RunConfig(w.Config("changed", "budget: {iterations: 2}\nselection: random\n"));
  CHECK(refused.exit_code == 2);
  CHECK(refused.err.find("changed.yaml: cannot resume the run in") != std::string::npos);
  CHECK(refused.err.find("'policy' changed from \"dgm\" to \"random\"") != std::string::npos);
  // A bigger budget is fine: the run goes on.
  Run more = w.RunConfig(w.Config("changed", "budget: {iterations: 2}\n"), {"--json"});
  INFO(more.err);
  REQUIRE(more.exit_code == 0);
  CHECK(nlohmann::json::parse(more.out)["iterations"] == 2);
}

TEST_CASE("A bad run config is one sentence with its line and exit 2, nothing is created") {
  RunWorkspace w;
  Run run = w.RunConfig(w.Config("bad", "budget: {iterations: 3, wall: 5}\n"));
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("bad.yaml:10: unknown key 'wall' in budget") != std::string::npos);
  CHECK(!fs::exists(w.ArchivePath("bad")));
  Run missing = Clade({"run", (w.root() / "nope.yaml").string()});
  CHECK(missing.exit_code != 0);
  CHECK(missing.err.find("nope.yaml") != std::string::npos);
}

TEST_CASE(
    "clade replay scores winners on another suite, keeps the records, and costs nothing twice") {
  RunWorkspace w;
  REQUIRE(w.RunConfig(w.Config("replayed", "budget: {iterations: 2}\n")).exit_code == 0);
  fs::path archive = w.ArchivePath("replayed");
  std::vector<std::string> args = {"replay",
                                   "best",
                                   "seed",
                                   "--benchmark",
                                   (w.root() / "numbers-transfer").string(),
                                   "--work",
                                   w.work.string(),
                                   "--archive",
                                   archive.string(),
                                   "--json"};
  Run first = Clade(args);
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  nlohmann::json out = nlohmann::json::parse(first.out);
  CHECK(out["benchmark"] == "numbers-transfer");
  REQUIRE(out["variants"].size() == 2);
  CHECK(out["variants"][1]["id"] == 0);
  CHECK(out["variants"][1]["score"].get<double>() == Approx(1.0 / 3));  // the seed: mod 3 only
  CHECK(out["variants"][1]["run_benchmark"] == "numbers");
  CHECK(out["variants"][1]["tasks"].size() == 2);
  CHECK(out["variants"][0]["cached"] == false);
  Run note = Git({"--git-dir", archive.string(), "notes", "--ref=clade/numbers-transfer", "show",
                  "refs/clade/variants/0"});
  CHECK(nlohmann::json::parse(note.out)["benchmark"] == "numbers-transfer");

  Run second = Clade(args);
  nlohmann::json again = Json(second);
  CHECK(again["variants"][0]["cached"] == true);
  CHECK(again["variants"][1]["cached"] == true);
  CHECK(second.err.find("replaying") == std::string::npos);  // nothing was run
  // The table form names both suites.
  args.pop_back();
  Run table = Clade(args);
  CHECK(table.out.find("numbers-transfer") != std::string::npos);
  CHECK(table.out.find("numbers ") != std::string::npos);
}

TEST_CASE("clade replay counts the tasks that pass every visible case and fail a hidden one") {
  // A suite of the cases form: the seed's answers for n = 3 ("10 5 0": square and
  // successor wrong) are what the visible case expects, and the hidden case expects the
  // right ones, so the seed fits what it was shown and fails the bug.
  RunWorkspace w;
  testing::WriteTree(
      w.root() / "numbers-cases",
      {{"suite.yaml", "name: numbers-cases\ntasks: tasks/*\nlimits: {agent_seconds: 5, test_seconds: 5}\n"},
       {"tasks/n03/task.yaml",
        "id: n03\nstatement: answer\nhidden_test:\n  run: cat {workspace}/out.txt\n"
        "  cases: cases\n  visible_cases: visible\n"},
       {"tasks/n03/workspace/n.txt", "3\n"},
       {"tasks/n03/workspace/visible/shown.in", ""},
       {"tasks/n03/workspace/visible/shown.out", "10\n5\n0\n"},
       {"tasks/n03/tests/cases/hidden.in", ""},
       {"tasks/n03/tests/cases/hidden.out", "9\n4\n0\n"}});
  fs::path archive = w.root() / "cases.git";
  REQUIRE(Clade({"add", (w.root() / "agent").string(), "--archive", archive.string()}).exit_code ==
          0);
  std::vector<std::string> args = {"replay",  "seed",          "--benchmark",
                                   (w.root() / "numbers-cases").string(),
                                   "--work",  w.work.string(), "--archive",
                                   archive.string()};
  Run table = Clade(args);
  INFO(table.err);
  REQUIRE(table.exit_code == 0);
  CHECK_THAT(table.out, Catch::Contains("visible pass, hidden fail"));
  args.push_back("--json");
  nlohmann::json out = Json(Clade(args));
  REQUIRE(out["variants"].size() == 1);
  CHECK(out["variants"][0]["score"] == 0.0);
  CHECK(out["variants"][0]["visible_pass_hidden_fail"] == 1);
  // The table's row: variant 0, its score, and the count at the end.
  std::regex row(R"(\n\s*0\s.*\s1\s*(\n|$))");
  CHECK(std::regex_search(table.out, row));
}

}  // namespace clade::cli_test
