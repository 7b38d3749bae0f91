#include "tests.h"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <sys/wait.h>

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

int run_command(const std::string& dir, const std::string& cmd, double timeout_s,
                std::string& output) {
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.1f", timeout_s > 0.5 ? timeout_s : 0.5);
  std::string full = "cd " + shell_quote(dir) + " && timeout -k 1 " + secs + " sh -c " +
                     shell_quote(cmd) + " </dev/null 2>&1";
  output.clear();
  FILE* p = popen(full.c_str(), "r");
  if (!p) return -1;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) {
    if (output.size() < (1u << 20)) output.append(buf, n);  // keep at most 1 MiB
  }
  int status = pclose(p);
  if (status == -1) return -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

TestRun parse_test_output(const std::string& output) {
  TestRun r;
  r.output = output;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    int p = 0, f = 0;
    char tail[2];
    if (std::sscanf(line.c_str(), " %d passed, %d failed%1s", &p, &f, tail) >= 2) {
      r.parsed = true;
      r.passed = p;
      r.failed = f;
    } else if (line.rfind("PASS ", 0) == 0 || line.rfind("FAIL ", 0) == 0) {
      std::string name = line.substr(5);
      while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
      if (!name.empty() && name.find(' ') == std::string::npos)
        r.cases[name] = line[0] == 'P';
    }
  }
  return r;
}

TestRun run_tests(const std::string& dir, const std::string& cmd,
                  const std::vector<std::string>& names, const std::string& env,
                  double timeout_s) {
  std::string full = cmd;
  for (const auto& n : names) full += " " + shell_quote(n);
  if (!env.empty()) full = "export " + env + "; " + full;
  std::string out;
  int rc = run_command(dir, full, timeout_s, out);
  TestRun r = parse_test_output(out);
  r.timed_out = rc == 124;
  return r;
}
