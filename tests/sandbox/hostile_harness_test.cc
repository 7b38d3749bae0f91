// Hostile agents through the real harness: one agent that misbehaves differently on each
// task (sleeping past its limit, a fork storm, memory far past the limit, an output flood,
// a detached grandchild). Each task must end within its limit with a clear status, the
// harness must go on to the next task, and no process may be left behind.
#include <chrono>

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "sandbox/evaluator.h"
#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

constexpr char kMarker[] = "clade-harness-hostile";

// The agent: reads "MODE ARG" from its task statement and runs the hostile program so.
constexpr char kRunScript[] =
    R"sh(set -- $(sed -n 's/.*"statement": "\([^"]*\)".*/\1/p' "$CLADE_TASK")
if [ "$1" = answer ]; then echo right > answer.txt; exit 0; fi
exec "$(dirname "$0")/../build/hostile" "$1" clade-harness-hostile "$2"
)sh";

bool ProcessesLeft() {
  for (const auto& entry : fs::directory_iterator("/proc")) {
    auto cmdline = ReadFile(entry.path() / "cmdline");
    if (cmdline && cmdline->find(kMarker) != std::string::npos) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("Hostile agents are contained task by task and the harness goes on") {
  TempDir dir("hostile-harness");
  std::map<std::string, std::string> files = {
      {"agent/agent.yaml",
       "name: hostile\nbuild: [\"cp {src}/hostile {build}/hostile\"]\nrun: \"sh {src}/run.sh\"\n"},
      {"agent/run.sh", kRunScript},
      {"suite/suite.yaml",
       "name: hostile\ntasks: tasks/*\nlimits: {agent_seconds: 3, agent_wall_seconds: 3, "
       "test_seconds: 5, memory_mb: 256}\n"}};
  std::vector<std::pair<std::string, std::string>> tasks = {
      {"t1", "sleep 60"},  {"t2", "fork-storm 2000"}, {"t3", "memory 1024"},
      {"t4", "flood 256"}, {"t5", "detach"},          {"t6", "answer"}};
  for (const auto& [id, statement] : tasks) {
    files["suite/tasks/" + id + "/task.yaml"] =
        "id: " + id + "\nstatement: " + statement + "\nhidden_test: sh .clade-tests/run.sh\n";
    files["suite/tasks/" + id + "/workspace/.keep"] = "";
    files["suite/tasks/" + id + "/tests/run.sh"] =
        "if [ -f answer.txt ]; then echo '1 passed, 0 failed'; else echo '0 passed, 1 failed'; "
        "fi\n";
  }
  testing::WriteTree(dir.path(), files);
  // The program travels in the agent's source: a build tree under the host's /tmp is not
  // visible inside the sandbox.
  fs::copy_file(CLADE_HOSTILE_PROGRAM, dir.path() / "agent/hostile");
  HarnessOptions harness{.work = dir.path() / "work"};
  auto start = std::chrono::steady_clock::now();
  Evaluation eval = Evaluate(harness, dir.path() / "agent", LoadSuite(dir.path() / "suite").value(),
                             {.workers = 2})
                        .value();
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  INFO(eval.build.log);
  REQUIRE(eval.status == EvalStatus::kEvaluated);
  REQUIRE(eval.tasks.size() == 6);
  for (const TaskResult& task : eval.tasks) {
    INFO(task.id << ": " << task.status << "\n" << task.log.substr(0, 2000));
    CHECK(task.seconds < 3 + 5 + 2);  // within the agent's and the test's limits, plus slack
  }
  CHECK(eval.tasks[0].status == "agent_timeout");
  CHECK(eval.tasks[2].status.rfind("agent_", 0) == 0);  // memory_limit (cgroup) or signaled
  CHECK(eval.tasks[3].log.size() < 200 * 1024);         // the flood was capped
  CHECK(eval.tasks[5].status == "solved");              // the harness went on
  CHECK(seconds < 60);
  CHECK_FALSE(ProcessesLeft());
}

}  // namespace clade::sandbox
