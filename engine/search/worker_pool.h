// A fixed set of worker threads for the slow parts of a child (mutation, build,
// evaluation) and a queue through which their results come back to the one thread that
// owns the archive. Jobs never touch the archive; they post a continuation that the
// owning thread runs (RunCompletions).
//
// Thread safety: Submit, Post and RunCompletions may be called from any thread;
// continuations run only on the thread that calls RunCompletions.
#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace clade::search {

class WorkerPool {
 public:
  using Job = std::function<void(int worker)>;
  using Continuation = std::function<void()>;

  // REQUIRES: workers >= 1.
  explicit WorkerPool(int workers);
  // Drops queued jobs, waits for running ones (their continuations are discarded).
  ~WorkerPool();
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  int workers() const { return static_cast<int>(threads_.size()); }
  // Jobs submitted and not finished (queued or running).
  int pending() const;
  // Queues a job; it runs on the first free worker with that worker's index.
  void Submit(Job job);
  // Called by a job to hand its result back to the owning thread.
  void Post(Continuation continuation);
  // Runs the continuations posted so far; if there are none, waits up to `timeout` for
  // one. Returns how many ran.
  int RunCompletions(std::chrono::milliseconds timeout);
  // Seconds the workers spent running jobs, summed over workers.
  double BusySeconds() const;

 private:
  void WorkerLoop(int index);

  mutable std::mutex mutex_;
  std::condition_variable job_ready_;
  std::condition_variable completion_ready_;
  std::deque<Job> jobs_;
  std::deque<Continuation> completions_;
  int running_ = 0;
  bool stopping_ = false;
  double busy_seconds_ = 0;
  std::vector<std::thread> threads_;
};

}  // namespace clade::search
