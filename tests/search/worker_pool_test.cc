#include "engine/search/worker_pool.h"

#include <atomic>
#include <set>
#include <thread>

#include <catch2/catch.hpp>

namespace clade::search {
namespace {

TEST_CASE("Jobs run on the workers, continuations run on the caller's thread") {
  WorkerPool pool(3);
  std::set<int> workers;
  std::set<std::thread::id> continuation_threads;
  int done = 0;
  for (int i = 0; i < 12; ++i) {
    pool.Submit([&pool, &workers, &continuation_threads, &done](int worker) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
      pool.Post([&, worker] {
        workers.insert(worker);  // only touched here, on the caller's thread
        continuation_threads.insert(std::this_thread::get_id());
        ++done;
      });
    });
  }
  while (done < 12) pool.RunCompletions(std::chrono::milliseconds(100));
  CHECK(workers.size() > 1);
  for (int worker : workers) CHECK((worker >= 0 && worker < 3));
  CHECK(continuation_threads == std::set<std::thread::id>{std::this_thread::get_id()});
  CHECK(pool.BusySeconds() > 0);
}

TEST_CASE("Destroying the pool drops queued jobs and waits for running ones") {
  std::atomic<int> started{0};
  {
    WorkerPool pool(1);
    for (int i = 0; i < 5; ++i) {
      pool.Submit([&started](int) {
        ++started;
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
      });
    }
    // Destroy the pool once the first job runs (a fixed sleep here failed on a loaded
    // machine, where the worker had not started it yet: 0 == 1).
    for (int i = 0; i < 1000 && started == 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  CHECK(started == 1);
}

}  // namespace
}  // namespace clade::search
