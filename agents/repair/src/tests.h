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

// Runs `cmd` with /bin/sh in `dir`, stdout and stderr captured together, killed after
// `timeout_s` seconds (coreutils `timeout`). Returns the exit status (124 on timeout).
int run_command(const std::string& dir, const std::string& cmd, double timeout_s,
                std::string& output);

// Parses a test script's output: the last "N passed, N failed" line and PASS/FAIL lines.
TestRun parse_test_output(const std::string& output);

// Runs the visible test command in `dir`, with `env` (e.g. "EXTRA_CXXFLAGS=--coverage")
// prefixed and the case `names` appended as arguments.
TestRun run_tests(const std::string& dir, const std::string& cmd,
                  const std::vector<std::string>& names, const std::string& env,
                  double timeout_s);
