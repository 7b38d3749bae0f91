#include "engine/search/worker_pool.h"

namespace clade::search {

WorkerPool::WorkerPool(int workers) {
  for (int i = 0; i < workers; ++i) threads_.emplace_back([this, i] { WorkerLoop(i); });
}

WorkerPool::~WorkerPool() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
    jobs_.clear();
  }
  job_ready_.notify_all();
  for (std::thread& thread : threads_) thread.join();
}

int WorkerPool::pending() const {
  std::lock_guard lock(mutex_);
  return static_cast<int>(jobs_.size()) + running_;
}

void WorkerPool::Submit(Job job) {
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(std::move(job));
  }
  job_ready_.notify_one();
}

void WorkerPool::Post(Continuation continuation) {
  {
    std::lock_guard lock(mutex_);
    completions_.push_back(std::move(continuation));
  }
  completion_ready_.notify_all();
}

int WorkerPool::RunCompletions(std::chrono::milliseconds timeout) {
  std::deque<Continuation> ready;
  {
    std::unique_lock lock(mutex_);
    completion_ready_.wait_for(lock, timeout, [this] { return !completions_.empty(); });
    ready.swap(completions_);
  }
  for (Continuation& continuation : ready) continuation();
  return static_cast<int>(ready.size());
}

double WorkerPool::BusySeconds() const {
  std::lock_guard lock(mutex_);
  return busy_seconds_;
}

void WorkerPool::WorkerLoop(int index) {
  std::unique_lock lock(mutex_);
  while (true) {
    job_ready_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
    if (stopping_) return;
    Job job = std::move(jobs_.front());
    jobs_.pop_front();
    ++running_;
    lock.unlock();
    auto start = std::chrono::steady_clock::now();
    job(index);
    std::chrono::duration<double> spent = std::chrono::steady_clock::now() - start;
    lock.lock();
    busy_seconds_ += spent.count();
    --running_;
  }
}

}  // namespace clade::search
