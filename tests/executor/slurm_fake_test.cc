// The Slurm controller's logic against the in-process FakeCluster (fake_slurm.h): submit
// and poll, a job cancelled, a job that fails without a result, adopting the jobs of a
// controller that died, and per-task jobs. The jobs are real: the clade binary runs
// `worker eval-job` on this machine and builds and scores a shell agent in the sandbox.
// The same logic against a real one-node cluster is slurm_executor_test.cc.
#include <chrono>
#include <future>
#include <thread>

#include "tests/cli/cli_test_util.h"
#include "tests/executor/fake_slurm.h"
#include "tests/test_util.h"
#include <catch2/catch.hpp>

#include "engine/executor/slurm_executor.h"
#include "engine/executor/slurm_queue.h"
#include "sandbox/suite.h"

namespace clade::cli_test {
namespace {

// A shell agent that answers `answer` (after `delay` seconds), and the suite of
// WriteAnswerSuite.
struct FakeSlurmWorkspace : Workspace {
  std::shared_ptr<testing::FakeCluster> cluster = std::make_shared<testing::FakeCluster>();
  sandbox::Suite suite;

  explicit FakeSlurmWorkspace(const std::string& answer = "right", int delay = 0) {
    std::string run = delay > 0 ? fmt::format("sh -c 'sleep {}; sh {{build}}/a.sh'", delay)
                                : std::string("sh {build}/a.sh");
    testing::WriteTree(
        root() / "agent",
        {{"agent.yaml", "name: a\nbuild: [\"cp {src}/a.sh {build}/a.sh\"]\nrun: \"" + run + "\"\n"},
         {"a.sh", "echo " + answer + " > answer.txt\n"}});
    WriteAnswerSuite(root() / "suite");
    suite = *sandbox::LoadSuite(root() / "suite");
    fs::create_directories(root() / "shared");
  }

  executor::SlurmConfig Config(executor::SlurmJobsPer per = executor::SlurmJobsPer::kChild) const {
    executor::SlurmConfig config;
    config.shared = root() / "shared";
    config.work = root() / "node-work";
    config.poll_seconds = 0.05;
    config.result_grace_seconds = 0.2;
    config.per = per;
    return config;
  }

  executor::SlurmRun Run(const fs::path& clade = CladeBinary()) const {
    executor::SlurmRun run;
    run.name = "fake";
    run.dir = executor::SlurmRunDirectory(root() / "shared", "fake", root() / "a.git");
    run.clade = clade;
    fs::create_directories(run.dir / "jobs");
    return run;
  }

  std::unique_ptr<executor::SlurmExecutor> Executor(
      executor::SlurmJobsPer per = executor::SlurmJobsPer::kChild,
      const fs::path& clade = CladeBinary()) {
    return std::make_unique<executor::SlurmExecutor>(Config(per), Run(clade), cluster->Client());
  }

  executor::EvalJob Job() const {
    executor::EvalJob job;
    job.source = root() / "agent";
    job.suite = &suite;
    return job;
  }
};

}  // namespace

TEST_CASE("Fake Slurm: a child is submitted as one job, polled, and its evaluation read back") {
  FakeSlurmWorkspace w;
  auto executor = w.Executor();
  Result<sandbox::Evaluation> evaluation = executor->Evaluate(w.Job(), 0);
  REQUIRE(evaluation);
  INFO(evaluation->build.log);
  CHECK(evaluation->status == EvalStatus::kEvaluated);
  CHECK(evaluation->score == 1.0);
  CHECK(w.cluster->submitted() == 1);
  CHECK(w.cluster->names().at(0).rfind("clade-fake-", 0) == 0);
  CHECK(executor->counts().submitted == 1);
  CHECK(executor->counts().adopted == 0);
  // The same child again is read from its result: nothing is submitted twice.
  REQUIRE(executor->Evaluate(w.Job(), 0));
  CHECK(w.cluster->submitted() == 1);
  REQUIRE(executor->Close());
}

TEST_CASE("Fake Slurm: a cancelled job is a child with status job_cancelled") {
  FakeSlurmWorkspace w("right", 30);
  auto executor = w.Executor();
  auto future = std::async(std::launch::async, [&] { return executor->Evaluate(w.Job(), 0); });
  REQUIRE(WaitFor([&] { return w.cluster->running() == 1; }, 10));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  w.cluster->CancelAll();
  REQUIRE(future.wait_for(std::chrono::seconds(20)) == std::future_status::ready);
  Result<sandbox::Evaluation> evaluation = future.get();
  REQUIRE(evaluation);
  CHECK(evaluation->status == EvalStatus::kJobCancelled);
  CHECK(evaluation->score == 0.0);
}

TEST_CASE("Fake Slurm: a job that exits non-zero without a result is job_failed, with its output") {
  FakeSlurmWorkspace w;
  fs::path broken = w.root() / "broken-clade";
  REQUIRE(WriteFile(broken, "#!/bin/sh\necho 'node: no clade here' >&2\nexit 3\n", 0755));
  auto executor = w.Executor(executor::SlurmJobsPer::kChild, broken);
  Result<sandbox::Evaluation> evaluation = executor->Evaluate(w.Job(), 0);
  REQUIRE(evaluation);
  CHECK(evaluation->status == EvalStatus::kJobFailed);
  CHECK(evaluation->build.log.find("node: no clade here") != std::string::npos);
}

TEST_CASE("Fake Slurm: a controller that died is replaced by one that adopts its jobs") {
  FakeSlurmWorkspace w;
  w.cluster->Hold();  // the job stays pending while its controller "dies"
  auto dead = w.Executor();
  auto abandoned = std::async(std::launch::async, [&] { return dead->Evaluate(w.Job(), 0); });
  fs::path jobs = w.Run().dir / "jobs";
  auto noted = [&] {
    for (const auto& dir : fs::directory_iterator(jobs)) {
      if (fs::exists(dir.path() / "job_id")) return true;
    }
    return false;
  };
  REQUIRE(WaitFor(noted, 10));
  // It died after sbatch but before it noted the job's id: the next one must ask Slurm
  // for the job by its name. (A thread cannot be killed; the dead one's result is unused.)
  for (const auto& dir : fs::directory_iterator(jobs)) fs::remove(dir.path() / "job_id");

  auto next = w.Executor();
  auto adopted = std::async(std::launch::async, [&] { return next->Evaluate(w.Job(), 0); });
  REQUIRE(WaitFor(noted, 10));  // found by name and noted again
  w.cluster->Release();
  Result<sandbox::Evaluation> evaluation = adopted.get();
  REQUIRE(evaluation);
  CHECK(evaluation->status == EvalStatus::kEvaluated);
  CHECK(evaluation->score == 1.0);
  CHECK(w.cluster->submitted() == 1);  // nothing submitted again
  CHECK(next->counts().submitted == 0);
  CHECK(next->counts().adopted == 1);
  REQUIRE(abandoned.get());
}

// The window the test above cannot reach: the controller died after sbatch and before it
// noted the id, and the next one never asks for that directory again (a smaller budget).
// Its Close finds the job by the name written before sbatch, and cancels it.
TEST_CASE("Fake Slurm: a job whose controller died before noting its id is cancelled at the next Close") {
  FakeSlurmWorkspace w;
  w.cluster->Hold();
  fs::path jobs = w.Run().dir / "jobs";
  executor::JobPaths paths{jobs / "unneeded"};
  {
    executor::SlurmQueue dead(w.Config(), jobs, w.cluster->Client());
    auto watch = dead.Start(paths, "fake-7", executor::ResultKey(executor::JobKind::kChild),
                            [](const fs::path& tmp) { return WriteFile(tmp / "job.sh", "sleep 30\n"); });
    REQUIRE(watch);
    REQUIRE(w.cluster->running() == 1);
    fs::remove(paths.job_id());
  }  // never closed
  executor::SlurmQueue next(w.Config(), jobs, w.cluster->Client());
  REQUIRE(next.Close());
  CHECK(next.counts().cancelled == 1);
  CHECK(w.cluster->running() == 0);
  CHECK(!fs::exists(paths.dir));
}

// A variant's source is copied into its job directory (source/): a job_id or job_name it
// holds must not make Close cancel a job, such as another run's.
TEST_CASE("Fake Slurm: a job id planted in a variant's source is not cancelled at Close") {
  FakeSlurmWorkspace w;
  w.cluster->Hold();
  executor::SlurmQueue other(w.Config(), w.root() / "other-run/jobs", w.cluster->Client());
  auto victim = other.Start(executor::JobPaths{w.root() / "other-run/jobs/k"}, "other-7",
                            executor::ResultKey(executor::JobKind::kChild),
                            [](const fs::path& tmp) { return WriteFile(tmp / "job.sh", "sleep 30\n"); });
  REQUIRE(victim);
  fs::path jobs = w.Run().dir / "jobs";
  for (const char* planted : {"source", "built", "source/build", "source/task-0"}) {
    fs::create_directories(jobs / "k" / planted);
    REQUIRE(WriteFile(jobs / "k" / planted / "job_id", victim->id + "\n"));
    REQUIRE(WriteFile(jobs / "k" / planted / "job_name", "other-7\n"));
  }
  executor::SlurmQueue queue(w.Config(), jobs, w.cluster->Client());
  REQUIRE(queue.Close());
  CHECK(queue.counts().cancelled == 0);
  CHECK(w.cluster->running() == 1);
  CHECK(!fs::exists(jobs / "k"));
}

TEST_CASE("Fake Slurm: per task, one job builds the child and one job runs each task") {
  FakeSlurmWorkspace w;
  auto per_child = w.Executor();
  Result<sandbox::Evaluation> whole = per_child->Evaluate(w.Job(), 0);
  REQUIRE(whole);
  FakeSlurmWorkspace t;
  auto per_task = t.Executor(executor::SlurmJobsPer::kTask);
  Result<sandbox::Evaluation> split = per_task->Evaluate(t.Job(), 0);
  REQUIRE(split);
  INFO(split->build.log);
  CHECK(split->status == whole->status);
  CHECK(split->score == whole->score);
  CHECK(split->tasks.size() == 2);
  CHECK(t.cluster->submitted() == 3);  // the build and the two tasks
  REQUIRE(per_task->Close());
}

}  // namespace clade::cli_test
