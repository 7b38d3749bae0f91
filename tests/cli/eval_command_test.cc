#include "tests/cli/cli_test_util.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

namespace clade::cli_test {
namespace {

// An agent that writes `answer` into answer.txt; a suite of two tasks whose hidden test
// checks it (two checks: "answer.txt exists" and "it says right").
struct EvalWorkspace : Workspace {
  fs::path suite = root() / "suite";
  fs::path work = root() / "work";

  EvalWorkspace() { WriteAnswerSuite(suite); }

  fs::path ShellAgent(const std::string& name, const std::string& answer) {
    fs::path dir = root() / name;
    testing::WriteTree(dir,
                       {{"agent.yaml", "name: " + name +
                                           "\nbuild: [\"cp {src}/agent.sh {build}/agent.sh\"]\n"
                                           "run: \"sh {build}/agent.sh\"\n"},
                        {"agent.sh", "echo " + answer + " > answer.txt\n"}});
    return dir;
  }

  Run Eval(const std::string& target, std::vector<std::string> extra = {}) const {
    std::vector<std::string> args = {"eval",   target,        "--benchmark", suite.string(),
                                     "--work", work.string(), "--json"};
    args.insert(args.end(), extra.begin(), extra.end());
    return On(args);
  }
};

}  // namespace

TEST_CASE("clade eval DIR scores an agent directory without an archive") {
  EvalWorkspace w;
  fs::path agent = w.ShellAgent("good", "right");
  Run run = Clade({"eval", agent.string(), "--benchmark", w.suite.string(), "--work",
                   w.work.string(), "--json"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json out = Json(run);
  CHECK(out["score"] == 1.0);
  CHECK(out["status"] == "evaluated");
  REQUIRE(out["tasks"].size() == 2);
  CHECK(out["tasks"][0]["id"] == "t1");
  CHECK(out["tasks"][0]["status"] == "solved");
  CHECK(out["tasks"][0]["seconds"].is_number());
  CHECK(run.err.find("[2/2]") != std::string::npos);  // progress on stderr
  CHECK_FALSE(fs::exists(w.archive()));
}

TEST_CASE("clade eval of a path that is not an agent directory says so, exit 2") {
  EvalWorkspace w;
  fs::path empty = w.root() / "no-manifest";
  fs::create_directories(empty);
  testing::WriteTree(empty, {{"main.sh", "echo right\n"}});
  struct Case {
    std::string target;
    std::string says;
  };
  for (const Case& c : {Case{(w.root() / "missing").string(), "does not exist"},
                        Case{empty.string(), "has no agent.yaml"},
                        Case{(empty / "main.sh").string(), "(it is a file)"}}) {
    Run run = Clade({"eval", c.target, "--benchmark", w.suite.string(), "--work",
                     w.work.string()});
    INFO(c.target << ": " << run.err);
    CHECK(run.exit_code == 2);
    CHECK(run.err.find(c.target) != std::string::npos);
    CHECK(run.err.find(c.says) != std::string::npos);
    CHECK(run.err.find("no archive given") == std::string::npos);
  }
}

TEST_CASE("clade eval VARIANT stores the record as a note and the logs, and never reruns a tree") {
  EvalWorkspace w;
  w.Add(w.ShellAgent("half", "wrong"));
  Run first = w.Eval("0");
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  nlohmann::json out = Json(first);
  CHECK(out["score"] == 0.5);
  CHECK(out["cached"] == false);
  CHECK(out["variant"] == 0);
  Run note = Git({"--git-dir=" + w.archive().string(), "notes", "--ref=clade/tiny", "show",
                  "refs/clade/variants/0"});
  REQUIRE(note.exit_code == 0);
  nlohmann::json record = nlohmann::json::parse(note.out);
  CHECK(record["score"] == 0.5);
  CHECK(record["tasks"].size() == 2);
  CHECK(record["variant"] == 0);
  Run log =
      Git({"--git-dir=" + w.archive().string(), "show", "refs/clade/logs/0:eval/tiny/t1.log"});
  CHECK(log.out.find("== hidden test") != std::string::npos);

  // The same tree as a child: evaluated from the archive, not run again.
  w.Add(w.root() / "half", {"--parent", "0", "-m", "same tree"});
  Run again = w.Eval("1");
  REQUIRE(again.exit_code == 0);
  CHECK(Json(again)["cached"] == true);
  CHECK(again.err.find("building") == std::string::npos);
  CHECK(Json(w.On({"show", "1", "--json"}))["score"] == 0.5);
}

TEST_CASE("clade eval --repeats runs each task N times: runs, mean and standard error shown") {
  EvalWorkspace w;
  w.Add(w.ShellAgent("half", "wrong"));
  Run run = w.Eval("0", {"--repeats", "3"});
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  nlohmann::json out = Json(run);
  CHECK(out["score"] == 0.5);
  CHECK(out["repeats"] == nlohmann::json{{"count", 3}, {"adaptive", false}});
  CHECK(out["score_stderr"] == 0.0);  // a deterministic agent: every run the same
  CHECK(out["tasks"][0]["scores"] == nlohmann::json{0.5, 0.5, 0.5});
  CHECK(run.err.find("(runs 0.500 0.500 0.500)") != std::string::npos);
  // The record is kept apart from a single-run evaluation of the same tree.
  Run once = w.Eval("0");
  REQUIRE(once.exit_code == 0);
  CHECK(Json(once)["cached"] == false);
  // The text shows the score with its standard error.
  Run text = w.On({"eval", "0", "--benchmark", w.suite.string(), "--work", w.work.string(),
                   "--repeats", "3"});
  CHECK(text.out.find("score 0.500 ± 0.000 (standard error over 3 repeats)") != std::string::npos);
  CHECK(w.On({"show", "0"}).out.find("0.500") != std::string::npos);
}

TEST_CASE("clade eval --adaptive-repeats needs --repeats 3 or more, else exit 2") {
  EvalWorkspace w;
  fs::path agent = w.ShellAgent("good", "right");
  Run run = w.Eval(agent.string(), {"--repeats", "2", "--adaptive-repeats"});
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("--adaptive-repeats") != std::string::npos);
}

TEST_CASE("clade eval of a variant whose tree holds only folders works in a new work directory") {
  // The agent lays its files out in folders, nothing at the top but agent.yaml; the first
  // sync into a new work directory failed ("cannot read .../agent") whenever the directory
  // listed a new folder last.
  EvalWorkspace w;
  fs::path agent = w.root() / "two-folders";
  testing::WriteTree(agent, {{"agent.yaml",
                              "name: two\nbuild: [\"cp {src}/src/agent.sh {build}/agent.sh\"]\n"
                              "run: \"sh {build}/agent.sh\"\n"},
                             {"src/agent.sh", "echo right > answer.txt\n"},
                             {"tools/keep.sh", "# not built\n"},
                             {"docs/notes.md", "notes\n"},
                             {"data/empty.txt", ""}});
  w.Add(agent);
  Run run = w.Eval("0");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  CHECK(Json(run)["score"] == 1.0);
}

TEST_CASE("clade eval keeps a GI child's mutation record: mutator, seed and edit list") {
  EvalWorkspace w;
  fs::path agent = w.ShellAgent("gi", "right");
  // Editable C++ for the GI mutator to change; the agent's build does not compile it.
  testing::WriteTree(agent, {{"src/calc.cc",
                              "int Calc(int n) {\n  int t = 0;\n  for (int i = 0; i < n; ++i) "
                              "t += i * 2;\n  return t - 1;\n}\n"}});
  w.Add(agent);
  Run mutate = w.On({"mutate", "0", "--seed", "4", "--apply", "--json"});
  INFO(mutate.err);
  REQUIRE(mutate.exit_code == 0);
  const nlohmann::json proposed = Json(mutate);
  REQUIRE(proposed["child"] == 1);
  REQUIRE(!proposed["edits"].empty());

  Run run = w.Eval("1");
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  Run note = Git({"--git-dir=" + w.archive().string(), "notes", "--ref=clade/tiny", "show",
                  "refs/clade/variants/1"});
  REQUIRE(note.exit_code == 0);
  const nlohmann::json mutation = nlohmann::json::parse(note.out)["mutation"];
  CHECK(mutation["mutator"] == "gi");
  CHECK(mutation["seed"] == 4);
  CHECK(mutation["edits"] == proposed["edits"]);
  CHECK(mutation["operators"].is_array());
  CHECK(Json(w.On({"show", "1", "--json"}))["score"] == 1.0);
}

TEST_CASE("clade eval of an agent that does not build exits 1 naming the variant") {
  EvalWorkspace w;
  fs::path agent = w.ShellAgent("broken", "right");
  testing::WriteTree(agent, {{"agent.yaml", "name: broken\nbuild: [\"false\"]\nrun: \"true\"\n"}});
  w.Add(agent);
  Run run = w.Eval("0");
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("variant 0 did not build") != std::string::npos);
  CHECK(Json(w.On({"show", "0", "--json"}))["status"] == "build_failed");
}

TEST_CASE("clade eval with a malformed suite names the file and line, exit 2") {
  EvalWorkspace w;
  testing::WriteTree(w.suite, {{"suite.yaml", "name: tiny\ntasks: tasks/*\nlimit: {}\n"}});
  Run run = w.Eval(w.ShellAgent("good", "right").string());
  CHECK(run.exit_code == 2);
  CHECK(run.err.find("suite.yaml:3: unknown key 'limit'") != std::string::npos);
}

TEST_CASE("clade eval --read-only shows one more host folder to every step, a bad one is exit 2") {
  EvalWorkspace w;
  fs::path extra = w.root() / "extra";
  testing::WriteTree(extra, {{"answer", "right\n"}});
  fs::path agent = w.root() / "reader";
  testing::WriteTree(agent, {{"agent.yaml",
                              "name: reader\nbuild: [\"true\"]\n"
                              "run: \"cp " +
                                  (extra / "answer").string() + " answer.txt\"\n"}});
  Run hidden = w.Eval(agent.string());
  INFO(hidden.err);
  REQUIRE(hidden.exit_code == 0);
  CHECK(Json(hidden)["score"] == 0.5);  // the file is not there: answer.txt stays "wrong"
  Run shown = w.Eval(agent.string(), {"--read-only", extra.string()});
  INFO(shown.err);
  REQUIRE(shown.exit_code == 0);
  CHECK(Json(shown)["score"] == 1.0);
  // Before the positional, each --read-only takes one path: the agent is still the target.
  Run before = Clade({"eval", "--read-only", extra.string(), agent.string(), "--benchmark",
                      w.suite.string(), "--work", w.work.string(), "--json"});
  INFO(before.err);
  REQUIRE(before.exit_code == 0);
  CHECK(Json(before)["score"] == 1.0);
  Run bad = w.Eval(agent.string(), {"--read-only", "/no/such/folder"});
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--read-only /no/such/folder") != std::string::npos);
}

TEST_CASE(
    "clade eval of an agent that edits a protected file: tampered, score 0, shown everywhere") {
  EvalWorkspace w;
  for (std::string id : {"t1", "t2"}) {
    testing::WriteTree(
        w.suite / "tasks" / id,
        {{"task.yaml", "id: " + id +
                           "\nstatement: say right\nhidden_test: sh .clade-tests/run.sh\n"
                           "protected: [answer.txt]\n"}});
  }
  w.Add(w.ShellAgent("forger", "right"));
  Run run = w.Eval("0");
  INFO(run.err);
  CHECK(run.exit_code == 1);
  CHECK(run.err.find("variant 0 tampered with files it must leave alone (answer.txt modified by "
                     "the agent on task t") != std::string::npos);
  nlohmann::json shown = Json(w.On({"show", "0", "--json"}));
  CHECK(shown["status"] == "tampered");
  CHECK(shown["score"] == 0.0);
  Run tree = w.On({"tree"});
  CHECK(tree.out.find("tampered") != std::string::npos);
  Run text = w.On({"show", "0"});
  CHECK(text.out.find("answer.txt") != std::string::npos);  // what it changed
  Run again = w.Eval("0");  // the record is reused, and still fails the command
  CHECK(again.exit_code == 1);
  CHECK(again.err.find("variant 0 tampered") != std::string::npos);
}

TEST_CASE("clade doctor reports the protections and the toolchain") {
  Run run = Clade({"doctor", "--json"});
  REQUIRE(run.exit_code == 0);
  nlohmann::json out = Json(run);
  REQUIRE(out["protections"].is_array());
  CHECK(out["protections"].size() >= 8);
  CHECK(out["toolchain"].contains("cmake"));
  Run text = Clade({"doctor"});
  CHECK(text.out.find("network:") != std::string::npos);
}

}  // namespace clade::cli_test
