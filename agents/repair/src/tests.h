// Running the visible tests: the whole command, or selected cases when the test script
// takes case names as arguments (`sh run_tests.sh NAME...`).
#pragma once
#include <map>
#include <string>
#include <vector>

struct TestRun {
  bool parsed = false;  // a "N passed, N failed" line was found
  int passed = 0;
  int failed = 0;
  std::map<std::string, bool> cases;  // from "PASS NAME" / "FAIL NAME" lines, if any
  std::string output;
  bool timed_out = false;
};

// Single-quotes `s` for /bin/sh.
std::string shell_quote(const std::string& s);

// CPU seconds (user + system) used by this process and by every descendant it has waited
// for: the clock the task's limits.agent_seconds is counted in, which does not run faster
// or slower with the machine's load.
double cpu_seconds_used();

// Runs `cmd` with /bin/sh in `dir` in a process group of its own, stdin from /dev/null,
// stdout and stderr captured together (at most 1 MiB kept). The group is killed once its
// processes have used `cpu_limit` CPU seconds, or after a wall-clock backstop of
// 4 x cpu_limit + 10 s (a command that waits). Returns the exit status (124 when killed).
int run_command(const std::string& dir, const std::string& cmd, double cpu_limit,
                std::string& output);

// Parses a test script's output: the last "N passed, N failed" line and PASS/FAIL lines.
TestRun parse_test_output(const std::string& output);

// Runs the visible test command in `dir`, with `env` (e.g. "EXTRA_CXXFLAGS=--coverage")
// prefixed and the case `names` appended as arguments, limited to `cpu_limit` CPU seconds.
TestRun run_tests(const std::string& dir, const std::string& cmd,
                  const std::vector<std::string>& names, const std::string& env,
                  double cpu_limit);
