// `executor: slurm` end to end: a one-node Slurm cluster on loopback (slurm_cluster.h),
// the real clade binary as controller and as job, a real C++ agent built and evaluated in
// the sandbox inside each job, the gi mutator, archives checked with git. Each test starts
// its own cluster (about 1.5 s) and stops it; without Slurm installed they are skipped
// with the reason.
#include <chrono>
#include <csignal>
#include <future>
#include <regex>
#include <set>
#include <thread>

#include "tests/cli/cli_test_util.h"
#include "tests/executor/slurm_cluster.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include "engine/executor/slurm_client.h"
#include "engine/executor/slurm_job.h"
#include "support/strings.h"

namespace clade::cli_test {
namespace {

// Reads n from n.txt; writes n squared, n + 1 and n mod 3, with two planted mistakes that
// gi edits can undo. No loops: every child runs in milliseconds and scores the same way
// wherever it runs.
constexpr const char* kAgent = R"(#include <fstream>
#include <string>

static long square(long x) { return x * x + 1; }

static long next(long x) {
  long step = 2;
  return x + step;
}

static long mod3(long x) { return x % 3; }

int main() {
  std::ifstream in("n.txt");
  long n = 0;
  if (!(in >> n)) return 1;
  std::ofstream("out.txt") << square(n) << "\n" << next(n) << "\n" << mod3(n) << "\n";
  return 0;
}
)";

struct SlurmWorkspace : Workspace {
  // build_delay, run_delay: seconds each build, each agent run sleeps first, so a job is
  // still running when a test wants to cancel it or kill its controller.
  explicit SlurmWorkspace(int build_delay = 0, int run_delay = 0) {
    auto delay = [](int seconds) {
      return seconds > 0 ? fmt::format("sleep {} && ", seconds) : std::string();
    };
    std::string build = delay(build_delay) + "c++ -O0 -o {build}/agent {src}/src/agent.cc";
    std::string run = delay(run_delay) + "{build}/agent";
    testing::WriteTree(root() / "agent",
                       {{"agent.yaml", "name: numbers\nbuild: [\"" + build + "\"]\nrun: \"" + run +
                                           "\"\neditable: [\"src/**\"]\n"},
                        {"src/agent.cc", kAgent}});
    std::map<std::string, std::string> files = {
        {"suite.yaml",
         "name: numbers\ntasks: tasks/*\nlimits: {agent_seconds: 5, test_seconds: 5}\n"}};
    for (long n : {4, 7}) {
      std::string id = fmt::format("n{}", n);
      files["tasks/" + id + "/task.yaml"] =
          "id: " + id + "\nstatement: answer\nhidden_test: sh .clade-tests/check.sh\n";
      files["tasks/" + id + "/workspace/n.txt"] = std::to_string(n) + "\n";
      files["tasks/" + id + "/tests/check.sh"] = fmt::format(
          "p=0; f=0\nfor want in {} {} {}; do\n  read got || got=none\n"
          "  if [ \"$got\" = \"$want\" ]; then p=$((p+1)); else f=$((f+1)); fi\n"
          "done < out.txt\necho \"$p passed, $f failed\"\n",
          n * n, n + 1, n % 3);
    }
    testing::WriteTree(root() / "numbers", files);
    fs::create_directories(root() / "shared");
  }

  // A gi run of `name`; `slurm` adds the executor section (and `slurm_extra` to it).
  fs::path Config(const std::string& name, bool slurm, const std::string& extra = "",
                  const std::string& slurm_extra = "") {
    std::string text = fmt::format(
        "run:\n  name: {0}\n  archive: runs/{0}.git\n  seed: 5\nagent: agent\nbenchmark: numbers\n"
        "mutator: gi\ngi: {{max_operators: 2}}\n{1}",
        name, extra);
    if (slurm) {
      text +=
          "executor: slurm\nslurm:\n  shared: shared\n  work: node-work\n  cpus: 1\n"
          "  memory: 256M\n  time: \"5\"\n  poll_seconds: 0.2\n  result_grace_seconds: 0.5\n" +
          slurm_extra;
    }
    fs::path file = root() / (name + ".yaml");
    REQUIRE(WriteFile(file, text));
    return file;
  }

  std::vector<std::string> RunArgs(const fs::path& config) const {
    return {"run", config.string(), "--work", (root() / "work").string()};
  }
  Run RunConfig(const fs::path& config) { return Clade(RunArgs(config)); }

  fs::path ArchivePath(const std::string& name) const { return root() / "runs" / (name + ".git"); }

  // The record of variant `id`, from git.
  nlohmann::json Record(const std::string& name, int id) const {
    Run note = Git({"--git-dir", ArchivePath(name).string(), "notes", "--ref=clade/numbers", "show",
                    fmt::format("refs/clade/variants/{}", id)});
    INFO(note.err);
    REQUIRE(note.exit_code == 0);
    return nlohmann::json::parse(note.out);
  }

  // Job directories of runs left on the shared path.
  size_t JobDirectories() const {
    size_t count = 0;
    for (const auto& run : fs::directory_iterator(root() / "shared")) {
      if (fs::is_directory(run.path() / "jobs")) {
        count += static_cast<size_t>(
            std::distance(fs::directory_iterator(run.path() / "jobs"), fs::directory_iterator()));
      }
    }
    return count;
  }
};

// Per variant: id, parents, tree, status and score, from clade and git.
std::vector<std::string> Describe(const fs::path& archive) {
  nlohmann::json variants = Json(Clade({"log", "--archive", archive.string(), "--json"}));
  std::vector<std::string> lines;
  for (const auto& v : variants) {
    Run tree = Git({"--git-dir", archive.string(), "show", "-s", "--format=%T",
                    v["commit"].get<std::string>()});
    lines.push_back(fmt::format("{} {} {} {} {}", v["id"].dump(), v["parents"].dump(),
                                std::string(Trim(tree.out)), v["status"].dump(),
                                v["score"].dump()));
  }
  return lines;
}

// Per task of a record: id, score, status, tests passed and failed (not its times).
std::vector<std::string> TaskResults(const nlohmann::json& record) {
  std::vector<std::string> results;
  for (const auto& task : record["tasks"]) {
    results.push_back(fmt::format("{} {} {} {} {}", task["id"].dump(), task["score"].dump(),
                                  task["status"].dump(), task["passed"].dump(),
                                  task["failed"].dump()));
  }
  return results;
}

// The cluster's jobs whose name starts with clade-RUN-.
std::vector<std::string> JobsOf(const testing::SlurmCluster& cluster, const std::string& run) {
  std::vector<std::string> jobs;
  for (const std::string& job : cluster.Jobs()) {
    if (job.find(" clade-" + run + "-") != std::string::npos) jobs.push_back(job);
  }
  return jobs;
}

std::string Field(const std::string& job, size_t index) {
  return Split(job, ' ').at(index);
}

// Starts the cluster; false (with the reason as a warning) when Slurm is not installed.
bool Start(const testing::SlurmCluster& cluster) {
  if (!cluster.skip_reason().empty()) {
    WARN(cluster.skip_reason());
    return false;
  }
  INFO(cluster.failure());
  REQUIRE(cluster.up());
  return true;
}

int SubmittedCount(const std::string& err) {
  std::smatch match;
  REQUIRE(
      std::regex_search(err, match, std::regex("slurm: (\\d+) jobs submitted, (\\d+) adopted")));
  return std::stoi(match[1]);
}

}  // namespace

TEST_CASE(
    "A staged generational gi search through Slurm, per child or per task, makes the archive "
    "the local executor makes") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w;
  // The first task, then the second only at a score of 0.3 or more.
  std::string extra =
      "workers: 2\nbudget: {iterations: 2}\nevaluation:\n  stages:\n"
      "    - {tasks: 1, threshold: 0.3}\n    - {tasks: all}\n";
  Run local = w.RunConfig(w.Config("local", false, extra));
  INFO(local.err);
  REQUIRE(local.exit_code == 0);
  std::vector<std::string> expected = Describe(w.ArchivePath("local"));
  CHECK(expected.size() == 5);  // the seed and 2 x 2 children

  for (std::string per : {"child", "task"}) {
    std::string name = "per-" + per;
    Run slurm = w.RunConfig(w.Config(name, true, extra, "  per: " + per + "\n"));
    INFO(slurm.err);
    REQUIRE(slurm.exit_code == 0);
    CHECK(Git({"--git-dir", w.ArchivePath(name).string(), "fsck", "--strict"}).exit_code == 0);
    CHECK(Describe(w.ArchivePath(name)) == expected);
    for (int id = 0; id < 5; ++id) {
      INFO(id);
      CHECK(TaskResults(w.Record(name, id)) == TaskResults(w.Record("local", id)));
      CHECK(w.Record(name, id)["stage"] == w.Record("local", id)["stage"]);
    }
    // Every job ran once and completed, and the job directories are gone.
    std::vector<std::string> jobs = JobsOf(cluster, name);
    CHECK(static_cast<int>(jobs.size()) == SubmittedCount(slurm.err));
    std::set<std::string> names;
    for (const std::string& job : jobs) {
      CHECK(Field(job, 2) == "COMPLETED");
      names.insert(Field(job, 1));
    }
    CHECK(names.size() == jobs.size());
    CHECK(w.JobDirectories() == 0);
    // The build log and the task logs came back from the nodes.
    std::string archive = w.ArchivePath(name).string();
    CHECK(Git({"--git-dir", archive, "show", "refs/clade/logs/0:build.log"}).exit_code == 0);
    Run task_log = Git({"--git-dir", archive, "show", "refs/clade/logs/0:eval/numbers/n7.log"});
    CHECK_THAT(task_log.out, Catch::Contains("== hidden test"));
    if (per == "task") {
      // A build job, then one job per task of each stage: the seed's three at least.
      CHECK(jobs.size() >= 3);
      CHECK_THAT(jobs.at(0), Catch::EndsWith("-build COMPLETED"));
      CHECK_THAT(jobs.at(1), Catch::EndsWith("-task-0 COMPLETED"));
    }
  }
}

TEST_CASE("A job cancelled with scancel becomes a recorded child with status job_cancelled") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w(/*build_delay=*/3);
  fs::path config = w.Config("cancel", true, "workers: 1\nbudget: {variants: 1}\n");
  auto run = std::async(std::launch::async, [&] { return w.RunConfig(config); });
  // The seed's job first, then the child's: cancel the child's while it waits or runs.
  bool seen = WaitFor([&] { return JobsOf(cluster, "cancel").size() >= 2; }, 60);
  REQUIRE(seen);
  std::string child = JobsOf(cluster, "cancel").at(1);
  INFO(child);
  CHECK(Field(child, 2) != "COMPLETED");
  REQUIRE(testing::Shell("scancel " + Field(child, 0)).exit_code == 0);
  Run done = run.get();
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  nlohmann::json record = w.Record("cancel", 1);
  CHECK(record["status"] == "job_cancelled");
  CHECK(record["benchmark"] == "numbers");
  Run log =
      Git({"--git-dir", w.ArchivePath("cancel").string(), "show", "refs/clade/logs/1:build.log"});
  CHECK_THAT(log.out, Catch::Contains("ended as CANCELLED without a result"));
  CHECK(w.Record("cancel", 0)["status"] == "evaluated");
}

TEST_CASE("A job that ends without a result file is recorded as job_no_result or job_failed") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w;
  // A stand-in for the clade binary on the nodes that writes no result.
  testing::WriteTree(w.root(), {{"silent.sh", "#!/bin/sh\necho 'no result today'\nexit 0\n"},
                                {"crash.sh", "#!/bin/sh\necho 'crashed' >&2\nexit 3\n"}});
  fs::permissions(w.root() / "silent.sh", fs::perms::owner_all);
  fs::permissions(w.root() / "crash.sh", fs::perms::owner_all);
  struct Case {
    std::string name, script, status, log;
  };
  for (const Case& c : {Case{"silent", "silent.sh", "job_no_result", "no result today"},
                        Case{"crash", "crash.sh", "job_failed", "crashed"}}) {
    Run run = w.RunConfig(
        w.Config(c.name, true, "budget: {iterations: 1}\n", "  clade: " + c.script + "\n"));
    INFO(run.err);
    // The seed did not evaluate, so the run fails, naming the status.
    CHECK(run.exit_code == 1);
    CHECK_THAT(run.err, Catch::Contains("did not evaluate: " + c.status));
    CHECK(w.Record(c.name, 0)["status"] == c.status);
    Run log =
        Git({"--git-dir", w.ArchivePath(c.name).string(), "show", "refs/clade/logs/0:build.log"});
    CHECK_THAT(log.out, Catch::Contains(c.log));
  }
}

TEST_CASE("A task job cancelled with scancel makes its child job_cancelled, naming the task") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w(/*build_delay=*/0, /*run_delay=*/2);
  fs::path config =
      w.Config("taskcancel", true, "workers: 1\nbudget: {variants: 1}\n", "  per: task\n");
  auto run = std::async(std::launch::async, [&] { return w.RunConfig(config); });
  // The seed's build job and its two task jobs, then the child's: cancel the child's
  // first task job while it waits or runs.
  bool seen = WaitFor([&] { return JobsOf(cluster, "taskcancel").size() >= 6; }, 60);
  REQUIRE(seen);
  std::vector<std::string> jobs = JobsOf(cluster, "taskcancel");
  INFO(jobs.at(4));
  REQUIRE_THAT(Field(jobs.at(4), 1), Catch::EndsWith("-task-0"));
  CHECK(Field(jobs.at(4), 2) != "COMPLETED");
  REQUIRE(testing::Shell("scancel " + Field(jobs.at(4), 0)).exit_code == 0);
  Run done = run.get();
  INFO(done.err);
  REQUIRE(done.exit_code == 0);
  nlohmann::json record = w.Record("taskcancel", 1);
  CHECK(record["status"] == "job_cancelled");
  CHECK(record["score"] == 0);
  bool named = false;
  for (const auto& task : record["tasks"]) {
    named |= task["id"] == "n4" && task["status"] == "job_cancelled";
  }
  CHECK(named);
  Run log = Git(
      {"--git-dir", w.ArchivePath("taskcancel").string(), "show", "refs/clade/logs/1:build.log"});
  CHECK_THAT(log.out, Catch::Contains("task n4: its job ended without a result"));
  CHECK_THAT(log.out, Catch::Contains("ended as CANCELLED without a result"));
  // The child's other task job was no longer needed: the controller cancelled it.
  CHECK_THAT(done.err, Catch::Contains("0 adopted from an earlier session, 1 cancelled"));
  bool cancelled =
      WaitFor([&] { return Field(JobsOf(cluster, "taskcancel").at(5), 2) == "CANCELLED"; }, 10);
  CHECK(cancelled);
  CHECK(w.Record("taskcancel", 0)["status"] == "evaluated");
  CHECK(w.JobDirectories() == 0);
}

TEST_CASE(
    "A controller killed while a child's task jobs run, resumed, adopts them and runs no task "
    "twice") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w(/*build_delay=*/0, /*run_delay=*/1);
  std::string extra =
      "workers: 1\nbudget: {iterations: 1}\nevaluation:\n  stages:\n"
      "    - {tasks: 1, threshold: 0}\n    - {tasks: all}\n";
  fs::path config = w.Config("taskresumed", true, extra, "  per: task\n");
  pid_t pid = StartClade(w.RunArgs(config));
  REQUIRE(pid >= 0);
  // The seed's build job and two task jobs, one per stage, then the child's: kill the
  // controller while the child's second stage runs, its build and first task done.
  bool running = WaitFor(
      [&] {
        std::vector<std::string> jobs = JobsOf(cluster, "taskresumed");
        return jobs.size() >= 6 && Field(jobs.at(5), 2) == "RUNNING";
      },
      60);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(running);

  Run resumed = w.RunConfig(config);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK_THAT(resumed.err, Catch::Contains("resuming run 'taskresumed'"));
  // The build and the first task read back, the second task awaited: nothing submitted.
  CHECK_THAT(resumed.err, Catch::Contains("0 jobs submitted, 3 adopted from an earlier session"));
  std::vector<std::string> jobs = JobsOf(cluster, "taskresumed");
  CHECK(jobs.size() == 6);
  for (const std::string& job : jobs) CHECK(Field(job, 2) == "COMPLETED");
  CHECK(w.JobDirectories() == 0);

  Run local = w.RunConfig(w.Config("taskwhole", false, extra));
  INFO(local.err);
  REQUIRE(local.exit_code == 0);
  CHECK(Describe(w.ArchivePath("taskresumed")) == Describe(w.ArchivePath("taskwhole")));
}

TEST_CASE(
    "A controller killed mid-run and resumed adopts its running job and evaluates nothing twice") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w(/*build_delay=*/2);
  std::string extra = "workers: 1\nbudget: {iterations: 2}\n";
  fs::path config = w.Config("resumed", true, extra);
  pid_t pid = StartClade(w.RunArgs(config));
  REQUIRE(pid >= 0);
  // Kill the controller while a child's job (the second job) runs.
  bool running = WaitFor(
      [&] {
        std::vector<std::string> jobs = JobsOf(cluster, "resumed");
        return jobs.size() >= 2 && Field(jobs.back(), 2) == "RUNNING";
      },
      60);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(running);
  std::string orphan = JobsOf(cluster, "resumed").back();

  Run resumed = w.RunConfig(config);
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK_THAT(resumed.err, Catch::Contains("resuming run 'resumed'"));
  CHECK_THAT(resumed.err, Catch::Contains("1 adopted from an earlier session"));
  // The orphan finished and was used; no job ran twice.
  std::vector<std::string> jobs = JobsOf(cluster, "resumed");
  std::set<std::string> names;
  for (const std::string& job : jobs) names.insert(Field(job, 1));
  CHECK(names.size() == jobs.size());
  CHECK(std::find(jobs.begin(), jobs.end(),
                  Field(orphan, 0) + " " + Field(orphan, 1) + " COMPLETED") != jobs.end());
  CHECK(w.JobDirectories() == 0);

  Run local = w.RunConfig(w.Config("whole", false, extra));
  INFO(local.err);
  REQUIRE(local.exit_code == 0);
  CHECK(Describe(w.ArchivePath("resumed")) == Describe(w.ArchivePath("whole")));
}

TEST_CASE("A resumed controller cancels the jobs of an earlier one that it does not need") {
  testing::SlurmCluster cluster;
  if (!Start(cluster)) return;
  SlurmWorkspace w(/*build_delay=*/2);
  fs::path config = w.Config("unused", true, "workers: 1\nbudget: {iterations: 2}\n");
  pid_t pid = StartClade(w.RunArgs(config));
  REQUIRE(pid >= 0);
  // The seed's job, the first child's, then the second child's: kill the controller
  // while that one is pending or running.
  bool third = WaitFor([&] { return JobsOf(cluster, "unused").size() >= 3; }, 90);
  ::kill(pid, SIGKILL);
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(third);
  std::string orphan = JobsOf(cluster, "unused").at(2);
  INFO(orphan);
  REQUIRE(Field(orphan, 2) != "COMPLETED");

  // Resumed with a budget of one child, the second child is never asked for again.
  Run resumed = w.RunConfig(w.Config("unused", true, "workers: 1\nbudget: {variants: 1}\n"));
  INFO(resumed.err);
  REQUIRE(resumed.exit_code == 0);
  CHECK_THAT(resumed.err,
             Catch::Contains("0 jobs submitted, 0 adopted from an earlier session, 1 cancelled"));
  bool cancelled =
      WaitFor([&] { return Field(JobsOf(cluster, "unused").at(2), 2) == "CANCELLED"; }, 10);
  CHECK(cancelled);
  CHECK(w.JobDirectories() == 0);
}

}  // namespace clade::cli_test

namespace clade::executor {

TEST_CASE("Slurm states map to phases and record statuses") {
  CHECK(PhaseOfState("PENDING") == JobPhase::kActive);
  CHECK(PhaseOfState("RUNNING") == JobPhase::kActive);
  CHECK(PhaseOfState("COMPLETING") == JobPhase::kActive);
  CHECK(PhaseOfState("COMPLETED") == JobPhase::kCompleted);
  CHECK(PhaseOfState("CANCELLED by 0") == JobPhase::kCancelled);
  CHECK(PhaseOfState("TIMEOUT") == JobPhase::kTimeout);
  CHECK(PhaseOfState("OUT_OF_MEMORY") == JobPhase::kOutOfMemory);
  CHECK(PhaseOfState("NODE_FAIL") == JobPhase::kNodeFail);
  CHECK(PhaseOfState("FAILED") == JobPhase::kFailed);
  CHECK(PhaseOfState("") == JobPhase::kUnknown);
  CHECK(StatusOfPhase(JobPhase::kCancelled) == EvalStatus::kJobCancelled);
  CHECK(StatusOfPhase(JobPhase::kTimeout) == EvalStatus::kJobTimeout);
  CHECK(StatusOfPhase(JobPhase::kUnknown) == EvalStatus::kJobLost);
  CHECK(StatusOfPhase(JobPhase::kCompleted) == EvalStatus::kJobNoResult);
}

TEST_CASE("A job's spec and result survive the trip through their files") {
  TempDir dir("clade-slurm-job");
  JobPaths paths{dir.path()};
  sandbox::Evaluation evaluation;
  evaluation.status = EvalStatus::kEvaluated;
  evaluation.score = 0.5;
  evaluation.suite = "numbers";
  evaluation.suite_hash = "abc";
  evaluation.tasks.push_back({"n4", 1.0, "solved", 0.25, 0.125, 3, 0, "agent said hi\n"});
  evaluation.tasks.push_back({"n7", 0.0, "unsolved", 0.5, 0.25, 0, 3, "wrong\n"});
  evaluation.stage_reached = 1;
  evaluation.build.log = "c++ ...\n";
  REQUIRE(WriteJobResult(paths, evaluation));
  auto read = ReadJobResult(paths);
  REQUIRE(read);
  REQUIRE(*read);
  CHECK((*read)->ToRecord() == evaluation.ToRecord());
  CHECK((*read)->tasks[0].log == "agent said hi\n");
  CHECK((*read)->build.log == "c++ ...\n");

  REQUIRE(WriteJobResult(paths, Fail("bubblewrap is missing on node7")));
  auto failed = ReadJobResult(paths);
  REQUIRE(!failed);
  CHECK_THAT(failed.error().message, Catch::Contains("bubblewrap is missing on node7"));

  JobSpec spec;
  spec.suite = "/shared/suite";
  spec.stages = {{2, 0.5}, {0, 0}};
  spec.max_tasks = 7;
  spec.hidden = {"/runs/a.git"};
  auto back = JobSpec::FromJson(spec.ToJson());
  REQUIRE(back);
  CHECK(back->ToJson() == spec.ToJson());
  CHECK(!JobSpec::FromJson(nlohmann::json{{"suite", 3}}));
  // The jobs of per: task: a build job, a task job, and what they write back.
  spec.kind = JobKind::kTask;
  spec.source = "/shared/jobs/k/source";
  spec.built = "/shared/jobs/k/built";
  spec.task = "n7";
  back = JobSpec::FromJson(spec.ToJson());
  REQUIRE(back);
  CHECK(back->kind == JobKind::kTask);
  CHECK(back->ToJson() == spec.ToJson());
  nlohmann::json other = spec.ToJson();
  other["kind"] = "node";
  CHECK(!JobSpec::FromJson(other));
  REQUIRE(WriteJobPayload(paths, ResultKey(JobKind::kTask), TaskToJson(evaluation.tasks[1])));
  auto task = ReadJobPayload(paths, ResultKey(JobKind::kTask));
  REQUIRE(task);
  REQUIRE(*task);
  CHECK(TaskToJson(TaskFromJson(**task).value()) == TaskToJson(evaluation.tasks[1]));
  CHECK(!ReadJobPayload(paths, ResultKey(JobKind::kBuild)));  // a task's result, not a build's
  CHECK(BuildToJson(BuildFromJson(BuildToJson(evaluation.build)).value()) ==
        BuildToJson(evaluation.build));
  CHECK(!BuildFromJson(nlohmann::json{{"log", "x"}}));
  CHECK_THAT(
      JobScript("/opt/it's/clade", paths),
      Catch::Contains("exec '/opt/it'\\''s/clade' worker eval-job '" + dir.path().string() + "'"));
}

}  // namespace clade::executor
