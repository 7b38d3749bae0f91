// A task's time limits count CPU time (suite.h, TaskLimits): the same work gets the same
// outcome on an idle machine and beside CPU-bound processes, a step that spins ends at its
// CPU seconds, and one that waits ends at the wall-clock backstop, which says so.
#include <csignal>
#include <string>
#include <vector>

#include <sys/wait.h>
#include <unistd.h>

#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "sandbox/evaluator.h"
#include "support/fs.h"

namespace clade::sandbox {
namespace {

namespace fs = std::filesystem;

// CPU-bound processes beside the test, each in a session of its own (the scheduler shares
// the CPUs between sessions first, so burners in the test's own session would hardly slow
// the sandboxed agent); each stops by itself after 60 s and is killed when the object goes.
class Burners {
 public:
  explicit Burners(int count) {
    for (int i = 0; i < count; ++i) {
      pid_t pid = fork();
      if (pid == 0) {
        setsid();
        execl(CLADE_HOSTILE_PROGRAM, "hostile", "busy", "clade-time-limits-burner",
              static_cast<char*>(nullptr));
        _exit(127);
      }
      if (pid > 0) pids_.push_back(pid);
    }
  }
  ~Burners() {
    for (pid_t pid : pids_) ::kill(pid, SIGKILL);
    for (pid_t pid : pids_) ::waitpid(pid, nullptr, 0);
  }
  Burners(const Burners&) = delete;
  Burners& operator=(const Burners&) = delete;

 private:
  std::vector<pid_t> pids_;
};

// A suite of one task whose agent runs `hostile MODE ARG`, then writes answer.txt; the
// hidden test passes when answer.txt is there.
struct TimeFixture {
  TempDir dir{"time-limits"};

  TimeFixture(const std::string& limits, const std::string& mode, const std::string& arg) {
    testing::WriteTree(
        dir.path(),
        {{"agent/agent.yaml",
          "name: timed\nbuild: [\"cp {src}/hostile {build}/hostile\"]\nrun: \"sh {src}/run.sh\"\n"},
         {"agent/run.sh", "\"$(dirname \"$0\")/../build/hostile\" " + mode +
                              " clade-time-limits " + arg + " && echo right > answer.txt\n"},
         {"suite/suite.yaml", "name: timed\ntasks: tasks/*\nlimits: " + limits + "\n"},
         {"suite/tasks/t1/task.yaml",
          "id: t1\nstatement: work\nhidden_test: sh .clade-tests/run.sh\n"},
         {"suite/tasks/t1/workspace/.keep", ""},
         {"suite/tasks/t1/tests/run.sh",
          "if [ -f answer.txt ]; then echo '1 passed, 0 failed'; else echo '0 passed, 1 "
          "failed'; fi\n"}});
    fs::copy_file(CLADE_HOSTILE_PROGRAM, dir.path() / "agent/hostile");
  }

  TaskResult Run() {
    HarnessOptions harness{.work = dir.path() / "work"};
    Evaluation eval =
        Evaluate(harness, dir.path() / "agent", LoadSuite(dir.path() / "suite").value(), {})
            .value();
    INFO(eval.build.log);
    REQUIRE(eval.status == EvalStatus::kEvaluated);
    REQUIRE(eval.tasks.size() == 1);
    return eval.tasks[0];
  }
};

}  // namespace

TEST_CASE("Task limits count CPU time: the same work passes idle and beside two busy processes") {
  // 3 CPU seconds of work within agent_seconds 4. Beside two CPU-bound processes on a
  // two-core machine the agent gets about two thirds of a core: some 4.5 s of wall clock,
  // past a wall-clock limit of 4 s, well within a CPU limit of 4 s.
  TimeFixture f("{agent_seconds: 4, test_seconds: 5}", "cpu-work", "3000");
  TaskResult idle = f.Run();
  TaskResult busy;
  {
    Burners burners(2);
    busy = f.Run();
  }
  INFO(idle.log << "\n---\n" << busy.log);
  CHECK(idle.status == "solved");
  CHECK(busy.status == idle.status);
  CHECK(busy.score == idle.score);
  CHECK(busy.cpu_seconds >= 3.0);
  CHECK(idle.log.find("CPU s)") != std::string::npos);  // "== agent (ok, 3.1 s, 3.0 CPU s)"
}

TEST_CASE("An agent that spins ends at its CPU seconds, one that waits at the wall-clock backstop") {
  SECTION("spinning: agent_cpu_limit after agent_seconds of CPU, long before the backstop") {
    TimeFixture f("{agent_seconds: 1, test_seconds: 5}", "busy", "");
    TaskResult task = f.Run();
    INFO(task.log);
    CHECK(task.status == "agent_cpu_limit");
    CHECK(task.score == 0.0);
    CHECK(task.seconds < 20);  // the default backstop is 4 x 1 + 30 s
    CHECK(task.log.find("used its 1 CPU seconds") != std::string::npos);
  }
  SECTION("waiting: agent_timeout at agent_wall_seconds, reported as the backstop") {
    TimeFixture f("{agent_seconds: 5, agent_wall_seconds: 1, test_seconds: 5}", "sleep", "30");
    TaskResult task = f.Run();
    INFO(task.log);
    CHECK(task.status == "agent_timeout");
    CHECK(task.score == 0.0);
    CHECK(task.seconds < 10);
    CHECK(task.log.find("wall-clock backstop of 1 s") != std::string::npos);
  }
}

}  // namespace clade::sandbox
