#include "tests/cli/cli_test_util.h"

#include <cstdlib>
#include <stdexcept>

#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "archive/archive.h"
#include "support/strings.h"

namespace clade::cli_test {

namespace {

Run RunShell(const std::string& program, const std::vector<std::string>& args,
             const fs::path& cwd) {
  TempDir capture("clade-cli-run");
  fs::path out = capture.path() / "out";
  fs::path err = capture.path() / "err";
  std::string command;
  if (!cwd.empty()) command += "cd " + testing::Quote(cwd.string()) + " && ";
  command += testing::Quote(program);
  for (const auto& arg : args) command += " " + testing::Quote(arg);
  command += " >" + testing::Quote(out.string()) + " 2>" + testing::Quote(err.string());
  int status = std::system(command.c_str());
  Run run;
  run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  run.out = ReadFile(out).value_or("");
  run.err = ReadFile(err).value_or("");
  return run;
}

}  // namespace

// build/clade: from CLADE_BINARY_DIR, else the path CMake compiled in (CTest may not pass
// CLADE_BINARY_DIR through).
fs::path CladeBinary() {
  const char* dir = std::getenv("CLADE_BINARY_DIR");
  if (dir != nullptr && *dir != '\0' && fs::exists(fs::path(dir) / "clade")) {
    return fs::path(dir) / "clade";
  }
  return CLADE_CLI_BINARY;
}

Run Clade(const std::vector<std::string>& args, const fs::path& cwd) {
  return RunShell(CladeBinary().string(), args, cwd);
}

pid_t StartClade(const std::vector<std::string>& args) {
  std::vector<std::string> all = {CladeBinary().string()};
  all.insert(all.end(), args.begin(), args.end());
  pid_t pid = ::fork();
  if (pid == 0) {
    std::vector<char*> argv;
    for (std::string& arg : all) argv.push_back(arg.data());
    argv.push_back(nullptr);
    int devnull = ::open("/dev/null", O_WRONLY);
    ::dup2(devnull, 1);
    ::dup2(devnull, 2);
    ::execv(argv[0], argv.data());
    ::_exit(127);
  }
  return pid;
}

Run Git(const std::vector<std::string>& args) {
  return RunShell("git", args, {});
}

std::string Why(const Run& run) {
  std::string why = "exit code " + std::to_string(run.exit_code);
  for (const std::string& line : Split(run.err, '\n')) {
    if (line.rfind("clade: ", 0) == 0 || line.find("Sanitizer") != std::string::npos ||
        line.find("runtime error") != std::string::npos ||
        line.rfind("terminate called", 0) == 0) {
      why += "; ";
      why += line;
    }
  }
  return why;
}

nlohmann::json Json(const Run& run) {
  INFO("why: " << Why(run));
  INFO("stdout: " << run.out << "\nstderr: " << run.err);
  REQUIRE(run.exit_code == 0);
  return nlohmann::json::parse(run.out);
}

void WriteSquareProject(const fs::path& dir) {
  static constexpr char kAgent[] = R"(#include <fstream>

// Writes the square of n (from n.txt) to out.txt.
static long square(long x) {
  return x * x + 1;
}

int main() {
  std::ifstream in("n.txt");
  long n = 0;
  if (!(in >> n)) return 1;
  std::ofstream("out.txt") << square(n) << "\n";
  return 0;
}
)";
  std::map<std::string, std::string> files = {
      {"agent/agent.yaml",
       "name: square\nbuild: [\"c++ -O0 -o {build}/agent {src}/src/agent.cc\"]\n"
       "run: \"{build}/agent\"\neditable: [\"src/**\"]\n"},
      {"agent/src/agent.cc", kAgent},
      {"squares/suite.yaml",
       "name: squares\ntasks: tasks/*\nlimits: {agent_seconds: 5, test_seconds: 5}\n"}};
  for (long n : {3, 5}) {
    std::string id = n == 3 ? "n03" : "n05";
    files["squares/tasks/" + id + "/task.yaml"] =
        "id: " + id + "\nstatement: answer\nhidden_test: sh .clade-tests/check.sh\n";
    files["squares/tasks/" + id + "/workspace/n.txt"] = std::to_string(n) + "\n";
    files["squares/tasks/" + id + "/tests/check.sh"] =
        "if [ \"$(cat out.txt)\" = " + std::to_string(n * n) +
        " ]; then echo '1 passed, 0 failed'; else echo '0 passed, 1 failed'; fi\n";
  }
  clade::testing::WriteTree(dir, files);
}

void WriteAnswerSuite(const fs::path& dir) {
  std::map<std::string, std::string> files = {
      {"suite.yaml", "name: tiny\ntasks: tasks/*\nlimits: {agent_seconds: 20}\n"}};
  for (std::string id : {"t1", "t2"}) {
    files["tasks/" + id + "/task.yaml"] =
        "id: " + id + "\nstatement: say right\nhidden_test: sh .clade-tests/run.sh\n";
    files["tasks/" + id + "/workspace/answer.txt"] = "wrong\n";
    files["tasks/" + id + "/tests/run.sh"] =
        "p=0; f=0\n"
        "if [ -f answer.txt ]; then p=$((p+1)); else f=$((f+1)); fi\n"
        "if grep -qx right answer.txt; then p=$((p+1)); else f=$((f+1)); fi\n"
        "echo \"$p passed, $f failed\"\n";
  }
  testing::WriteTree(dir, files);
}

Workspace::Workspace() : dir_("clade-cli-test") {}

fs::path Workspace::Agent(const std::string& name, const std::string& body) {
  fs::path agent = root() / name;
  testing::WriteTree(agent, {{"agent.yaml", "name: " + name + "\nrun: \"{build}/agent\"\n"},
                             {"src/main.cc", body}});
  return agent;
}

nlohmann::json Workspace::Add(const fs::path& agent, const std::vector<std::string>& extra) {
  std::vector<std::string> args = {"add", agent.string(), "--archive", archive().string(),
                                   "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  return Json(Clade(args));
}

Run Workspace::On(std::vector<std::string> args) const {
  args.push_back("--archive");
  args.push_back(archive().string());
  return Clade(args);
}

Lineage::Lineage() {
  Add(Agent("seed", "int main() { return 0; }\n"), {"-m", "the seed agent"});
  Add(Agent("one", "int main() { return 1; }\n"), {"--parent", "0", "-m", "return one"});
  Add(Agent("two", "int main() { return 2 }\n"), {"--parent", "seed", "-m", "break it"});
  Add(Agent("three", "int main() { return 3; }\n"), {"--parent", "1", "-m", "return three"});
  Add(Agent("four", "int main() { return 4; }\n"),
      {"--parent", "3", "--parent", "2", "-m", "cross three and two"});
  Record(0, "repair", {{"status", "evaluated"}, {"score", 0.25}});
  Record(1, "repair", {{"status", "evaluated"}, {"score", 0.5}});
  Record(2, "repair", {{"status", "build_failed"}, {"score", 0.0}});
  Record(3, "repair", {{"status", "evaluated"}, {"score", 0.75}});
}

void Lineage::Record(int id, const std::string& benchmark, const nlohmann::json& record) {
  archive::OpenOptions options;
  options.mode = archive::Mode::kWrite;
  auto opened = archive::Archive::Open(archive(), options);
  REQUIRE(opened);
  nlohmann::json full = record;
  full["variant"] = id;
  full["benchmark"] = benchmark;
  REQUIRE((*opened)->SetRecord(id, benchmark, full));
}

}  // namespace clade::cli_test
