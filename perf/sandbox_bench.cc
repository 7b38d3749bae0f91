// Sandbox and harness benchmark: (1) the overhead of a sandboxed run against a bare
// fork/exec of the same command, (2) rebuilding an agent after a one-function change
// against a full build of it, (3) CPU utilisation of an evaluation with workers equal to
// cores on CPU-bound tasks. Prints a Markdown report.
//
//   sandbox_bench [--runs N] [--files N] [--tasks N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "sandbox/evaluator.h"
#include "sandbox/runner.h"
#include "support/fs.h"

extern char** environ;

namespace clade {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

double SecondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

double Median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double BareRun(const char* program) {
  auto start = Clock::now();
  pid_t pid = 0;
  char* argv[] = {const_cast<char*>(program), nullptr};
  if (posix_spawn(&pid, program, nullptr, nullptr, argv, environ) != 0) throw Fatal("spawn failed");
  int status = 0;
  waitpid(pid, &status, 0);
  return SecondsSince(start);
}

void Overhead(int runs) {
  TempDir dir("sandbox-bench");
  std::vector<double> bare, sandboxed, direct;
  for (int i = 0; i < runs; ++i) {
    bare.push_back(BareRun("/bin/true"));
    for (auto isolation : {sandbox::Isolation::kAuto, sandbox::Isolation::kDirect}) {
      sandbox::RunSpec spec{
          .argv = {"/bin/true"}, .cwd = dir.path(), .stdout_path = dir.path() / "out.txt"};
      spec.isolation = isolation;
      auto start = Clock::now();
      auto result = OrThrow(sandbox::Run(spec));
      if (result.status != sandbox::RunStatus::kOk) throw Fatal("the sandboxed run failed");
      (isolation == sandbox::Isolation::kAuto ? sandboxed : direct).push_back(SecondsSince(start));
    }
  }
  double b = Median(bare), s = Median(sandboxed), d = Median(direct);
  std::printf("\n### Sandbox overhead (`/bin/true`, median of %d)\n\n", runs);
  std::printf("| run | time | ratio to bare |\n|---|---|---|\n");
  std::printf("| bare fork/exec (posix_spawn) | %.2f ms | 1 |\n", b * 1e3);
  std::printf("| sandbox, bubblewrap (best available here) | %.2f ms | %.1fx |\n", s * 1e3, s / b);
  std::printf("| sandbox, direct (rlimits, namespaces, cgroups) | %.2f ms | %.1fx |\n", d * 1e3,
              d / b);
}

// An agent of `files` translation units with some templates, so that compiling is real.
void WriteBigAgent(const fs::path& dir, int files) {
  std::string cmake =
      "cmake_minimum_required(VERSION 3.20)\nproject(big CXX)\n"
      "set(CMAKE_CXX_STANDARD 17)\nadd_executable(big main.cc";
  std::string main = "#include <cstdio>\n";
  for (int f = 0; f < files; ++f) {
    cmake += fmt::format(" unit{}.cc", f);
    main += fmt::format("int unit{}(int);\n", f);
    std::string unit = "#include <map>\n#include <regex>\n#include <string>\n#include <vector>\n";
    for (int fn = 0; fn < 6; ++fn) {
      unit += fmt::format(
          "static int f{}_{}(int x) {{ std::map<std::string, std::vector<int>> m; "
          "m[std::to_string(x)].push_back(x); std::regex r(\"[0-9]+\"); "
          "return std::regex_match(std::to_string(x), r) ? static_cast<int>(m.size()) + {} : 0; "
          "}}\n",
          f, fn, fn);
    }
    unit += fmt::format("int unit{}(int x) {{ return f{}_0(x) + f{}_5(x); }}\n", f, f, f);
    OrThrow(WriteFile(dir / fmt::format("unit{}.cc", f), unit));
  }
  main += "int main() { int s = 0;\n";
  for (int f = 0; f < files; ++f) main += fmt::format("  s += unit{}(s);\n", f);
  main += "  std::printf(\"%d\\n\", s); }\n";
  OrThrow(WriteFile(dir / "main.cc", main));
  OrThrow(WriteFile(dir / "CMakeLists.txt", cmake + ")\n"));
  OrThrow(WriteFile(dir / "agent.yaml", "name: big\nrun: \"{build}/big\"\n"));
}

void Rebuild(int files) {
  TempDir dir("sandbox-bench-build");
  fs::path agent = dir.path() / "agent";
  fs::create_directories(agent);
  WriteBigAgent(agent, files);
  sandbox::AgentSpec spec = OrThrow(sandbox::LoadAgentSpec(agent));
  sandbox::HarnessOptions harness{.work = dir.path() / "work"};
  sandbox::Slot slot = OrThrow(sandbox::Slot::Open(harness.work / "slot-0", 1ull << 30));
  auto full = OrThrow(sandbox::BuildAgent(harness, spec, agent, slot));
  if (!full.ok()) throw Fatal("the benchmark agent did not build:\n" + full.log);
  std::string unit = OrThrow(ReadFile(agent / "unit3.cc"));
  unit.replace(unit.find("return f3_0(x) + f3_5(x);"), 25, "return f3_1(x) + f3_5(x);");
  OrThrow(WriteFile(agent / "unit3.cc", unit));
  auto rebuild = OrThrow(sandbox::BuildAgent(harness, spec, agent, slot));
  if (!rebuild.ok()) throw Fatal("the rebuild failed:\n" + rebuild.log);
  std::printf(
      "\n### A second build after a one-function change (%d translation units; no ccache, every "
      "build starts in an empty build directory)\n\n",
      files + 1);
  std::printf("| build | time |\n|---|---|\n");
  std::printf("| full build in a fresh slot (configure + compile + link) | %.2f s |\n",
              full.seconds);
  std::printf("| second build after changing one function (%d file copied) | %.2f s |\n",
              rebuild.files_written, rebuild.seconds);
  std::printf("| ratio | %.2f |\n", rebuild.seconds / full.seconds);
}

// Busy and total jiffies of all CPUs, from the first line of /proc/stat.
std::pair<long long, long long> CpuTicks() {
  std::string stat = OrThrow(ReadFile("/proc/stat"));
  long long user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0;
  std::sscanf(stat.c_str(), "cpu %lld %lld %lld %lld %lld %lld %lld %lld", &user, &nice, &system,
              &idle, &iowait, &irq, &softirq, &steal);
  long long busy = user + nice + system + irq + softirq + steal;
  return {busy, busy + idle + iowait};
}

void Utilisation(int tasks) {
  TempDir dir("sandbox-bench-cpu");
  std::map<std::string, std::string> files = {
      {"agent/agent.yaml",
       "name: spin\nbuild: [\"true\"]\n"
       "run: \"i=0; while [ $i -lt 400000 ]; do i=$((i+1)); done\"\n"},
      {"suite/suite.yaml", "name: cpu\ntasks: tasks/*\n"}};
  for (int t = 0; t < tasks; ++t) {
    std::string id = fmt::format("t{:02}", t);
    files["suite/tasks/" + id + "/task.yaml"] = "id: " + id +
                                                "\nstatement: spin\nhidden_test: "
                                                "echo '1 passed, 0 failed'\n";
    files["suite/tasks/" + id + "/workspace/.keep"] = "";
    files["suite/tasks/" + id + "/tests/.keep"] = "";
  }
  for (const auto& [path, text] : files) {
    fs::create_directories((dir.path() / path).parent_path());
    OrThrow(WriteFile(dir.path() / path, text));
  }
  sandbox::Suite suite = OrThrow(sandbox::LoadSuite(dir.path() / "suite"));
  int cores = static_cast<int>(::sysconf(_SC_NPROCESSORS_ONLN));
  sandbox::HarnessOptions harness{.work = dir.path() / "work"};
  // Sandboxed trees are reaped inside their PID namespace, so getrusage(RUSAGE_CHILDREN)
  // does not see them: count the machine's busy time instead (run this on a quiet machine).
  auto [busy_before, total_before] = CpuTicks();
  auto start = Clock::now();
  auto eval = OrThrow(sandbox::Evaluate(harness, dir.path() / "agent", suite, {.workers = cores}));
  double wall = SecondsSince(start);
  auto [busy_after, total_after] = CpuTicks();
  double busy_share = double(busy_after - busy_before) / double(total_after - total_before);
  double machine_cpu = busy_share * wall * cores;
  double runs_cpu = 0;
  for (const auto& task : eval.tasks) runs_cpu += task.cpu_seconds;
  std::printf("\n### CPU utilisation of an evaluation (%d CPU-bound tasks, %d workers = cores)\n\n",
              tasks, cores);
  std::printf("| measure | value |\n|---|---|\n");
  std::printf("| wall time | %.2f s |\n", wall);
  std::printf("| CPU time of the sandboxed runs (their cgroups) | %.2f s |\n", runs_cpu);
  std::printf("| utilisation by the runs, CPU / (wall x cores) | %.0f%% |\n",
              100 * runs_cpu / (wall * cores));
  std::printf("| the machine's busy share meanwhile (/proc/stat, all processes) | %.0f%% |\n",
              100 * machine_cpu / (wall * cores));
  std::printf("| tasks evaluated | %zu (score %.2f) |\n", eval.tasks.size(), eval.score);
}

}  // namespace
}  // namespace clade

int main(int argc, char** argv) {
  int runs = 50, files = 12, tasks = 16;
  for (int i = 1; i + 1 < argc; i += 2) {
    std::string arg = argv[i];
    if (arg == "--runs")
      runs = std::stoi(argv[i + 1]);
    else if (arg == "--files")
      files = std::stoi(argv[i + 1]);
    else if (arg == "--tasks")
      tasks = std::stoi(argv[i + 1]);
    else {
      std::fprintf(stderr, "usage: sandbox_bench [--runs N] [--files N] [--tasks N]\n");
      return 2;
    }
  }
  try {
    clade::Overhead(runs);
    clade::Rebuild(files);
    clade::Utilisation(tasks);
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "sandbox_bench: %s\n", e.what());
    return 1;
  }
}
