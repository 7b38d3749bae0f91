#include "tests.h"

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <sstream>

#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

double cpu_seconds_used() {
  double total = 0;
  for (int who : {RUSAGE_SELF, RUSAGE_CHILDREN}) {
    rusage usage{};
    if (getrusage(who, &usage) != 0) continue;
    for (const timeval& t : {usage.ru_utime, usage.ru_stime}) total += t.tv_sec + t.tv_usec * 1e-6;
  }
  return total;
}

namespace {

// CPU seconds of the live processes of process group `group`, each with the children it
// has waited for (/proc/PID/stat: utime, stime, cutime, cstime). A process reaped by a
// parent that is still alive is counted in that parent, so nothing is counted twice.
double group_cpu_seconds(pid_t group) {
  static const double tick = double(sysconf(_SC_CLK_TCK));
  double ticks = 0;
  DIR* proc = opendir("/proc");
  if (!proc) return 0;
  while (dirent* entry = readdir(proc)) {
    if (entry->d_name[0] < '0' || entry->d_name[0] > '9') continue;
    std::ifstream in(std::string("/proc/") + entry->d_name + "/stat");
    std::string stat;
    if (!std::getline(in, stat)) continue;
    size_t name_end = stat.rfind(')');  // the command name may hold spaces and parentheses
    if (name_end == std::string::npos) continue;
    std::istringstream fields(stat.substr(name_end + 1));
    std::string state;
    long long ppid = 0, pgrp = 0, skip = 0;
    fields >> state >> ppid >> pgrp;
    if (!fields || pgrp != group) continue;
    for (int i = 0; i < 8; ++i) fields >> skip;  // session .. cmajflt
    long long utime = 0, stime = 0, cutime = 0, cstime = 0;
    fields >> utime >> stime >> cutime >> cstime;
    if (fields) ticks += double(utime + stime + cutime + cstime);
  }
  closedir(proc);
  return ticks / tick;
}

double wall_seconds() {
  timespec now{};
  clock_gettime(CLOCK_MONOTONIC, &now);
  return now.tv_sec + now.tv_nsec * 1e-9;
}

}  // namespace

int run_command(const std::string& dir, const std::string& cmd, double cpu_limit,
                std::string& output) {
  output.clear();
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) return -1;
  const std::string script = "cd " + shell_quote(dir) + " && exec sh -c " + shell_quote(cmd) +
                             " </dev/null 2>&1";
  pid_t child = fork();
  if (child < 0) return -1;
  if (child == 0) {
    setpgid(0, 0);
    dup2(pipe_fds[1], STDOUT_FILENO);
    execl("/bin/sh", "sh", "-c", script.c_str(), static_cast<char*>(nullptr));
    _exit(127);
  }
  setpgid(child, child);  // both sides, so the group exists before either goes on
  close(pipe_fds[1]);
  const double wall_limit = 4 * cpu_limit + 10;
  const double start = wall_seconds();
  double checked = start;
  bool killed = false;
  char buf[4096];
  for (;;) {
    pollfd fd{pipe_fds[0], POLLIN, 0};
    if (poll(&fd, 1, 50) > 0) {
      ssize_t n = read(pipe_fds[0], buf, sizeof buf);
      if (n == 0 || (n < 0 && errno != EINTR)) break;  // end of output: the command is done
      if (n > 0 && output.size() < (1u << 20)) output.append(buf, size_t(n));
    }
    const double now = wall_seconds();
    if (killed || now - checked < 0.05) continue;  // look at /proc every 50 ms
    checked = now;
    if (group_cpu_seconds(child) > cpu_limit || now - start > wall_limit) {
      kill(-child, SIGKILL);
      killed = true;
    }
  }
  close(pipe_fds[0]);
  kill(-child, SIGKILL);  // whatever it left running in the background
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  if (killed) return 124;
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
                  double cpu_limit) {
  std::string full = cmd;
  for (const auto& n : names) full += " " + shell_quote(n);
  if (!env.empty()) full = "export " + env + "; " + full;
  std::string out;
  int rc = run_command(dir, full, cpu_limit, out);
  TestRun r = parse_test_output(out);
  r.timed_out = rc == 124;
  return r;
}
