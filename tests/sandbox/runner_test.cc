#include "sandbox/runner.h"

#include <algorithm>
#include <atomic>
#include <thread>

#include "tests/sandbox/test_util.h"
#include <catch2/catch.hpp>
#include <signal.h>
#include <stdlib.h>
#include <unistd.h>

#include "sandbox/protections.h"
#include "support/strings.h"

namespace clade::sandbox {

using testing::Fixture;

TEST_CASE("Run captures stdout and stderr into separate files") {
  Isolation isolation = CLADE_EACH_ISOLATION();
  CLADE_SKIP_UNLESS(testing::Supported(isolation), "isolation not usable here");
  Fixture f;
  auto result = Run(f.Shell("echo out; echo err >&2; pwd", isolation));
  REQUIRE(result);
  CHECK(result->status == RunStatus::kOk);
  CHECK(result->exit_code == 0);
  CHECK(result->signal == 0);
  CHECK(f.Stdout(*result) == "out\n" + f.workspace.path().string() + "\n");
  CHECK(ReadFile(result->stderr_path).value() == "err\n");
  CHECK_FALSE(result->stdout_truncated);
  CHECK(result->wall_seconds < 5);
  CHECK(result->bubblewrap == (isolation == Isolation::kBubblewrap));
}

TEST_CASE("Run merges stderr into stdout when no stderr file is given") {
  Fixture f;
  RunSpec spec = f.Shell("echo one; echo two >&2; echo three");
  spec.stderr_path.clear();
  auto result = Run(spec);
  REQUIRE(result);
  CHECK(f.Stdout(*result) == "one\ntwo\nthree\n");
  CHECK(result->stderr_path == result->stdout_path);
}

TEST_CASE("Run reports a nonzero exit code") {
  Isolation isolation = CLADE_EACH_ISOLATION();
  CLADE_SKIP_UNLESS(testing::Supported(isolation), "isolation not usable here");
  Fixture f;
  auto result = Run(f.Shell("exit 3", isolation));
  REQUIRE(result);
  CHECK(result->status == RunStatus::kExitNonzero);
  CHECK(result->exit_code == 3);
  CHECK(StatusName(result->status) == "exited_nonzero");
}

TEST_CASE("Run reports a command killed by a signal") {
  Isolation isolation = CLADE_EACH_ISOLATION();
  CLADE_SKIP_UNLESS(testing::Supported(isolation), "isolation not usable here");
  Fixture f;
  RunSpec spec = f.Hostile("sleep", {"30"}, isolation);
  spec.argv = {"/bin/sh", "-c", "kill -SEGV $$", f.marker};
  auto result = Run(spec);
  REQUIRE(result);
  CHECK(result->status == RunStatus::kSignaled);
  CHECK(result->signal == SIGSEGV);
}

TEST_CASE("Run stdin is /dev/null and stdout is not a terminal") {
  Fixture f;
  auto result = Run(f.Shell("cat; test -t 1 || echo notty"));
  REQUIRE(result);
  CHECK(result->status == RunStatus::kOk);
  CHECK(f.Stdout(*result) == "notty\n");
}

TEST_CASE("Run passes only the basic environment and the spec's variables") {
  Isolation isolation = CLADE_EACH_ISOLATION();
  CLADE_SKIP_UNLESS(testing::Supported(isolation), "isolation not usable here");
  Fixture f;
  RunSpec spec = f.Hostile("env", {}, isolation);
  spec.env["CLADE_TASK"] = "/task.json";
  auto result = Run(spec);
  REQUIRE(result);
  auto lines = Split(Trim(f.Stdout(*result)), '\n');
  std::vector<std::string> names;
  for (const auto& line : lines) {
    std::string name = line.substr(0, line.find('='));
    if (name != "PWD") names.push_back(name);  // bubblewrap sets PWD for --chdir
  }
  std::sort(names.begin(), names.end());
  CHECK(names == std::vector<std::string>{"CLADE_TASK", "HOME", "LANG", "PATH", "TMPDIR"});
}

TEST_CASE("Run refuses environment variables that look like secrets") {
  Fixture f;
  for (const char* name : {"OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GITHUB_TOKEN", "DB_PASSWORD",
                           "AWS_SECRET_ACCESS_KEY"}) {
    RunSpec spec = f.Shell("true");
    spec.env[name] = "x";
    auto result = Run(spec);
    REQUIRE_FALSE(result);
    CHECK(result.error().kind == ErrorKind::kUsage);
    CHECK(result.error().message.find(name) != std::string::npos);
  }
}

TEST_CASE("Run fails clearly for a program that does not exist") {
  Fixture f;
  RunSpec spec = f.Shell("true", Isolation::kDirect);
  spec.argv = {"clade-no-such-program"};
  auto result = Run(spec);
  REQUIRE_FALSE(result);
  CHECK(result.error().message.find("clade-no-such-program") != std::string::npos);

  spec.isolation = Isolation::kAuto;  // under bubblewrap: exit 1 and bwrap's message
  auto wrapped = Run(spec);
  if (wrapped) CHECK(wrapped->status == RunStatus::kExitNonzero);
}

TEST_CASE("Run rejects a relative or missing working directory") {
  Fixture f;
  RunSpec spec = f.Shell("true");
  spec.cwd = "relative/dir";
  CHECK(Run(spec).error().kind == ErrorKind::kUsage);
  spec.cwd = f.workspace.path() / "missing";
  CHECK(Run(spec).error().kind == ErrorKind::kUsage);
}

TEST_CASE("Run with kBubblewrap fails when bubblewrap is unusable, else confines") {
  Fixture f;
  auto result = Run(f.Shell("true", Isolation::kBubblewrap));
  if (CurrentProtections().bubblewrap) {
    REQUIRE(result);
    CHECK(result->bubblewrap);
  } else {
    REQUIRE_FALSE(result);
    CHECK(result.error().message.find("bubblewrap") != std::string::npos);
  }
}

TEST_CASE("Run reports CPU time and peak memory from the cgroup") {
  CLADE_SKIP_UNLESS(CurrentProtections().cgroup_cpu && CurrentProtections().cgroup_memory,
                    "no cgroup accounting here");
  Fixture f;
  auto result = Run(f.Hostile("memory", {"64"}));
  REQUIRE(result);
  CHECK(result->status == RunStatus::kOk);
  REQUIRE(result->peak_memory_bytes);
  CHECK(*result->peak_memory_bytes >= (64u << 20));
  CHECK(result->cpu_seconds > 0);
}

TEST_CASE("Run hides paths listed as hidden") {
  CLADE_SKIP_UNLESS(CurrentProtections().bubblewrap, "no bubblewrap");
  Fixture f;
  TempDir secret("sandbox-secret");
  REQUIRE(WriteFile(secret.path() / "answer.txt", "42"));
  RunSpec spec = f.Shell(
      fmt::format("ls -A {}; cat {}/answer.txt", secret.path().string(), secret.path().string()));
  spec.hidden = {secret.path()};
  auto result = Run(spec);
  REQUIRE(result);
  CHECK(result->status == RunStatus::kExitNonzero);
  CHECK(f.Stdout(*result).empty());
}

}  // namespace clade::sandbox

namespace clade::sandbox {

TEST_CASE("Run sets the per-process limits as rlimits") {
  Isolation isolation = CLADE_EACH_ISOLATION();
  CLADE_SKIP_UNLESS(testing::Supported(isolation), "isolation not usable here");
  testing::Fixture f;
  RunSpec spec = f.Shell("ulimit -n; ulimit -t; ulimit -c; ulimit -f", isolation);
  spec.limits.open_files = 77;
  spec.limits.cpu_seconds = 9;
  spec.limits.file_size_bytes = 1 << 20;
  auto result = Run(spec);
  REQUIRE(result);
  CHECK(f.Stdout(*result) == "77\n9\n0\n2048\n");  // ulimit -f counts 512-byte blocks
}

TEST_CASE("Run gives every run the same address layout, so undefined behaviour repeats") {
  Isolation isolation = CLADE_EACH_ISOLATION();
  CLADE_SKIP_UNLESS(testing::Supported(isolation), "isolation not usable here");
  // bubblewrap started by root runs the command as uid 0 without capabilities, and every
  // exec by such a process resets the personality (the kernel sees capabilities that
  // could be gained), so there the layout stays random; see docs/sandbox.md.
  CLADE_SKIP_UNLESS(isolation != Isolation::kBubblewrap || ::geteuid() != 0,
                    "bubblewrap as root: the kernel re-randomises at exec");
  Fixture f;
  auto first = Run(f.Hostile("addresses", {}, isolation));
  REQUIRE(first);
  const std::string layout = f.Stdout(*first);  // read now: the next run reuses the file
  CHECK(layout.rfind("stack 0x", 0) == 0);
  auto second = Run(f.Hostile("addresses", {}, isolation));
  REQUIRE(second);
  CHECK(f.Stdout(*second) == layout);
}

TEST_CASE("Run works from several threads at once") {
  testing::Fixture f;
  std::vector<std::thread> threads;
  std::atomic<int> ok{0};
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      RunSpec spec = f.Shell(fmt::format("echo {}; sleep 0.2", i));
      spec.stdout_path = f.logs.path() / fmt::format("out{}", i);
      spec.stderr_path = f.logs.path() / fmt::format("err{}", i);
      auto result = Run(spec);
      if (result && result->status == RunStatus::kOk &&
          ReadFile(spec.stdout_path).value_or("") == fmt::format("{}\n", i)) {
        ++ok;
      }
    });
  }
  for (auto& thread : threads) thread.join();
  CHECK(ok == 4);
  CHECK(testing::ProcessesWithMarker(f.marker) == 0);
}

}  // namespace clade::sandbox
